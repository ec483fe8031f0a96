import { type Cell, cellText } from "../postlist/cells";
import { normaliseHeader } from "../postlist/headerText";
import { shareHeaders } from "../postlist/columnMapping";
import type { Authority } from "../postlist/partnership";

/**
 * Which column of a benefits register holds which field: the post list's approach
 * (src/postlist/columnMapping.ts) with the register's own fields. The columns the issue names
 * (`Benefit, Kind, Amount, Share <CODE>…, Start, End, Cashable, Evidence`) are read as they are.
 */
export type BenefitField = "benefit" | "kind" | "amount" | "council" | "start" | "end" | "cashable" | "evidence";

export const BENEFIT_FIELDS: readonly BenefitField[] = ["benefit", "kind", "amount", "council", "start", "end", "cashable", "evidence"];
export const REQUIRED_BENEFIT_FIELDS: readonly BenefitField[] = ["benefit", "amount"];

export const BENEFIT_FIELD_LABELS: Readonly<Record<BenefitField, string>> = {
  benefit: "Benefit",
  kind: "Kind",
  amount: "Amount",
  council: "Council",
  start: "Start",
  end: "End",
  cashable: "Cashable",
  evidence: "Evidence",
};

const BENEFIT_HEADERS: Readonly<Record<BenefitField, readonly string[]>> = {
  benefit: ["benefit", "description", "benefitdescription", "benefitname", "item"],
  kind: ["kind", "type", "benefitkind", "benefittype", "category"],
  amount: ["amount", "annualamount", "value", "annualvalue", "annualbenefit", "amountayear", "amountperyear", "annualsaving"],
  council: ["council", "authority", "benefitsto", "fallsto", "beneficiary", "whobenefits"],
  start: ["start", "startdate", "from"],
  end: ["end", "enddate", "to"],
  cashable: ["cashable", "cash", "iscashable", "cashablebenefit"],
  evidence: ["evidence", "notes", "evidencenotes", "evidenceandnotes", "note", "source", "comments"],
};

export interface BenefitMapping {
  fields: Partial<Record<BenefitField, number>>;
  /** Authority code → the column of its share. */
  shares: Record<string, number>;
  /** Share columns naming no authority of the partnership ("Share XYZ"), with the name as written. */
  unknownShares: { column: number; name: string }[];
}

export interface BenefitMappingProposal {
  mapping: BenefitMapping;
  missing: BenefitField[];
  unused: number[];
  notes: string[];
}

/** Recognises a register's headers and proposes a mapping. */
export function proposeBenefitMapping(headers: readonly Cell[], authorities: readonly Authority[]): BenefitMappingProposal {
  const lookup = new Map<string, { field: BenefitField } | { code: string }>();
  for (const a of authorities) {
    for (const k of new Set([normaliseHeader(a.name), normaliseHeader(a.code)])) {
      if (k !== "") for (const h of shareHeaders(k)) lookup.set(h, { code: a.code });
    }
  }
  for (const field of BENEFIT_FIELDS) for (const h of BENEFIT_HEADERS[field]) lookup.set(h, { field });
  const mapping: BenefitMapping = { fields: {}, shares: {}, unknownShares: [] };
  const unused: number[] = [];
  const notes: string[] = [];
  for (let c = 0; c < headers.length; c++) {
    const key = normaliseHeader(headers[c]);
    const hit = lookup.get(key);
    if (hit && "field" in hit) {
      if (mapping.fields[hit.field] === undefined) mapping.fields[hit.field] = c;
      else notes.push(`Column "${cellText(headers[c])}" also looks like ${BENEFIT_FIELD_LABELS[hit.field]}; the first such column is used.`);
    } else if (hit) {
      if (mapping.shares[hit.code] === undefined) mapping.shares[hit.code] = c;
      else notes.push(`Column "${cellText(headers[c])}" is a second share column for ${hit.code}; the first is used.`);
    } else if (/^share.+/.test(key)) {
      // "Share XYZ" for a council not in the partnership: rows that give it a share are refused.
      mapping.unknownShares.push({ column: c, name: cellText(headers[c]).trim().replace(/^share\s*/i, "") });
    } else unused.push(c);
  }
  const missing = REQUIRED_BENEFIT_FIELDS.filter((f) => mapping.fields[f] === undefined);
  return { mapping, missing, unused, notes };
}
