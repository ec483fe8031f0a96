import { type Cell, cellText } from "./cells";
import { normaliseHeader } from "./headerText";
import type { Authority } from "./partnership";

/**
 * Which column holds which field of a post list. Plain data (column indexes, 0-based, and
 * authority codes), so the task pane can show it, let the user change it and store it in the
 * workbook as JSON.
 */
export type PostField = "post" | "postId" | "home" | "joint" | "split" | "salary" | "salaryMax" | "fte" | "start" | "end" | "status";

export interface ColumnMapping {
  fields: Partial<Record<PostField, number>>;
  /** Authority code → the column of its share of a joint post. */
  shares: Record<string, number>;
  /** Authority code → the column of its annual baseline. */
  baselines: Record<string, number>;
}

export const POST_FIELDS: readonly PostField[] = ["post", "postId", "home", "joint", "split", "salary", "salaryMax", "fte", "start", "end", "status"];
export const REQUIRED_FIELDS: readonly PostField[] = ["post", "home", "joint", "salary"];

/** The field's name as post-list.md gives it, for the mapping screen and messages. */
export const FIELD_LABELS: Readonly<Record<PostField, string>> = {
  post: "Post",
  postId: "Post ID",
  home: "Home authority",
  joint: "Joint",
  split: "Split",
  salary: "Salary",
  salaryMax: "Salary max",
  fte: "FTE",
  start: "Start",
  end: "End",
  status: "Status",
};

/** Headers recognised for each field, normalised (post-list.md, plus a few common variants). */
export const FIELD_HEADERS: Readonly<Record<PostField, readonly string[]>> = {
  post: ["post", "posttitle", "role", "jobtitle", "title", "postname", "roletitle", "jobrole"],
  postId: ["postid", "postnumber", "positionid", "postno", "postref", "postreference", "positionnumber", "id"],
  home: ["homeauthority", "employer", "employingauthority", "contract", "home", "homecouncil", "employingcouncil", "contractauthority"],
  joint: ["joint", "shared", "jointpost", "sharedpost", "jointorsingle"],
  split: ["split", "sharesplit", "costsplit", "splitratio", "shares", "splitpercent"],
  salary: ["salary", "annualsalary", "ftesalary", "gradepoint", "salarypackage", "fulltimesalary", "basesalary"],
  // The top of a grade range (rule 13); Salary then holds its bottom.
  salaryMax: ["salarymax", "maxsalary", "topofgrade", "maximumsalary", "salarymaximum", "topofrange", "topsalary", "salarytop", "grademax", "salaryto"],
  fte: ["fte", "hoursfraction", "wte"],
  start: ["start", "startdate", "sharedfrom"],
  end: ["end", "enddate", "sharedto"],
  status: ["status"],
};

/**
 * Headers recognised for an authority's share, given its code or name normalised. A header that
 * is just the authority's code or name is taken as its share (the usual layout under a "Share"
 * heading); the user can remap it.
 */
export function shareHeaders(k: string): string[] {
  return [k, `share${k}`, `${k}share`, `${k}percent`, `${k}sharepercent`, `share${k}percent`, `percent${k}`, `${k}split`, `split${k}`];
}

/** Headers recognised for an authority's baseline, given its code or name normalised. */
export function baselineHeaders(k: string): string[] {
  return [`baseline${k}`, `${k}baseline`, `${k}previouscost`, `previouscost${k}`, `${k}baselinecost`, `baselinecost${k}`];
}

export interface MappingProposal {
  mapping: ColumnMapping;
  /** Required fields with no column (post, home authority, joint, salary). */
  missing: PostField[];
  /** Columns not used (such as Notes), 0-based. */
  unused: number[];
  /** Columns that matched a field already taken by an earlier column (the earlier one is used). */
  duplicates: { column: number; field: string }[];
  /** Advice for the mapping screen, such as joint posts having no share column. */
  notes: string[];
}

export function emptyMapping(): ColumnMapping {
  return { fields: {}, shares: {}, baselines: {} };
}

/** Recognises the headers of a post list and proposes a mapping (post-list.md's synonyms). */
export function proposeMapping(headers: readonly Cell[], authorities: readonly Authority[]): MappingProposal {
  const lookup = new Map<string, { kind: "field"; field: PostField } | { kind: "share" | "baseline"; code: string }>();
  // Authority columns first, so that a field synonym (checked last) wins any clash.
  for (const a of authorities) {
    for (const k of new Set([normaliseHeader(a.name), normaliseHeader(a.code)])) {
      if (k === "") continue;
      for (const h of shareHeaders(k)) lookup.set(h, { kind: "share", code: a.code });
      for (const h of baselineHeaders(k)) lookup.set(h, { kind: "baseline", code: a.code });
    }
  }
  for (const field of POST_FIELDS) for (const h of FIELD_HEADERS[field]) lookup.set(h, { kind: "field", field });

  const mapping = emptyMapping();
  const unused: number[] = [];
  const duplicates: { column: number; field: string }[] = [];
  for (let c = 0; c < headers.length; c++) {
    const hit = lookup.get(normaliseHeader(headers[c]));
    if (!hit) {
      unused.push(c);
      continue;
    }
    if (hit.kind === "field") {
      if (mapping.fields[hit.field] === undefined) mapping.fields[hit.field] = c;
      else duplicates.push({ column: c, field: FIELD_LABELS[hit.field] });
    } else {
      const target = hit.kind === "share" ? mapping.shares : mapping.baselines;
      if (target[hit.code] === undefined) target[hit.code] = c;
      else duplicates.push({ column: c, field: `${hit.kind === "share" ? "Share" : "Baseline"} ${hit.code}` });
    }
  }
  const missing = REQUIRED_FIELDS.filter((f) => mapping.fields[f] === undefined);
  const notes: string[] = [];
  if (mapping.fields.split === undefined && Object.keys(mapping.shares).length === 0) {
    notes.push(`No Split or share column was recognised: joint posts will be rejected until one is mapped (a Split column such as 50/50, or a share column per authority such as "Share ${authorities[0]?.code ?? "OCC"}").`);
  }
  for (const d of duplicates) notes.push(`Column "${cellText(headers[d.column])}" also looks like ${d.field}; the first such column is used.`);
  return { mapping, missing, unused, duplicates, notes };
}

/**
 * Checks a mapping (proposed or set by the user) against the headers and the partnership: every
 * required field mapped, columns that exist, no column used twice, share and baseline columns
 * for authorities of the partnership. Returns the problems; none means the mapping can be used.
 */
export function checkMapping(mapping: ColumnMapping, headers: readonly Cell[], authorities: readonly Authority[]): string[] {
  const problems: string[] = [];
  const used = new Map<number, string>();
  const use = (column: number, what: string) => {
    if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
      problems.push(`${what} is mapped to column ${column + 1}, but the list has ${headers.length} columns.`);
      return;
    }
    const other = used.get(column);
    if (other !== undefined) problems.push(`Column "${cellText(headers[column])}" is mapped to both ${other} and ${what}: map each column to one field.`);
    else used.set(column, what);
  };
  for (const field of POST_FIELDS) {
    const column = mapping.fields[field];
    if (column === undefined) {
      if (REQUIRED_FIELDS.includes(field)) problems.push(`No column is mapped to ${FIELD_LABELS[field]}, which every post needs.`);
      continue;
    }
    use(column, FIELD_LABELS[field]);
  }
  const codes = new Set(authorities.map((a) => a.code));
  for (const [kind, target] of [["Share", mapping.shares], ["Baseline", mapping.baselines]] as const) {
    for (const [code, column] of Object.entries(target)) {
      if (!codes.has(code)) problems.push(`${kind} column "${cellText(headers[column])}" is for ${code}, which is not an authority of the partnership (${[...codes].join(", ")}).`);
      else use(column, `${kind} ${code}`);
    }
  }
  return problems;
}
