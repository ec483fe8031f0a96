import { FORMAT, type NamePlan, type SheetPlan } from "./plan";
import { NAME, SHEET, TABLE } from "./sheetNames";
import { absolute, range } from "./a1";

/** The partnership as the workbook keeps it (post-list.md: "kept in the workbook, on a sheet the add-in owns"). */
export interface PartnershipSettings {
  authorities: readonly { code: string; name: string; pensionRate: number }[];
  year: { label: string };
  levyRate: number;
  rechargePeriods: number;
  vatOnRecharges: boolean;
}

/** Rows of the settings block, in order; row numbers are fixed so the named ranges stay put. */
const SETTINGS_FIRST_ROW = 3;
const AUTHORITIES_HEADER_ROW = 9;

export function partnershipSheetPlan(p: PartnershipSettings): { sheet: SheetPlan; names: NamePlan[] } {
  const sheetName = SHEET.partnership;
  const n = p.authorities.length;
  const firstAuthorityRow = AUTHORITIES_HEADER_ROW + 1;
  const lastAuthorityRow = AUTHORITIES_HEADER_ROW + n;
  const sheet: SheetPlan = {
    name: sheetName,
    columnWidths: [30, 34, 24],
    blocks: [
      { address: "A1", rows: 1, columns: 1, values: [["Joint working partnership"]], columnFormats: [FORMAT.TEXT], style: "title" },
      {
        address: "A2",
        rows: 1,
        columns: 1,
        values: [["Kept by the Joint working add-in: edit it in the task pane. The formulas on the JW sheets read these cells by name (see JW Method)."]],
        columnFormats: [FORMAT.TEXT],
        style: "note",
      },
      {
        address: `A${SETTINGS_FIRST_ROW}`,
        rows: 4,
        columns: 1,
        values: [["Financial year"], ["Apprenticeship levy rate"], ["Recharge periods a year"], ["VAT on recharges"]],
        columnFormats: [FORMAT.TEXT],
        style: "header",
      },
      { address: `B${SETTINGS_FIRST_ROW}`, rows: 1, columns: 1, values: [[p.year.label]], columnFormats: [FORMAT.TEXT], style: "input" },
      { address: `B${SETTINGS_FIRST_ROW + 1}`, rows: 1, columns: 1, values: [[p.levyRate]], columnFormats: [FORMAT.PERCENT], style: "input" },
      { address: `B${SETTINGS_FIRST_ROW + 2}`, rows: 1, columns: 1, values: [[p.rechargePeriods]], columnFormats: [FORMAT.INTEGER], style: "input" },
      { address: `B${SETTINGS_FIRST_ROW + 3}`, rows: 1, columns: 1, values: [[p.vatOnRecharges]], columnFormats: [FORMAT.GENERAL], style: "input" },
      {
        address: `A${AUTHORITIES_HEADER_ROW}`,
        rows: 1,
        columns: 3,
        values: [["Code", "Name", "Employer pension rate"]],
        columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.TEXT],
        style: "header",
      },
      {
        address: `A${firstAuthorityRow}`,
        rows: n,
        columns: 3,
        values: p.authorities.map((a) => [a.code, a.name, a.pensionRate]),
        columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.PERCENT],
        style: "input",
      },
    ],
    table: { name: TABLE.authorities, address: range(1, AUTHORITIES_HEADER_ROW, 3, lastAuthorityRow) },
  };
  const names: NamePlan[] = [
    { name: NAME.year, reference: `=${absolute(sheetName, 2, SETTINGS_FIRST_ROW)}`, comment: "Financial year of the partnership" },
    { name: NAME.levy, reference: `=${absolute(sheetName, 2, SETTINGS_FIRST_ROW + 1)}`, comment: "Apprenticeship levy rate" },
    { name: NAME.periods, reference: `=${absolute(sheetName, 2, SETTINGS_FIRST_ROW + 2)}`, comment: "Recharge invoices a year" },
    { name: NAME.vat, reference: `=${absolute(sheetName, 2, SETTINGS_FIRST_ROW + 3)}`, comment: "VAT charged on recharges" },
    { name: NAME.codes, reference: `=${absolute(sheetName, 1, firstAuthorityRow, 1, lastAuthorityRow)}`, comment: "Authority codes" },
    { name: NAME.names, reference: `=${absolute(sheetName, 2, firstAuthorityRow, 2, lastAuthorityRow)}`, comment: "Authority names" },
    { name: NAME.pensionRates, reference: `=${absolute(sheetName, 3, firstAuthorityRow, 3, lastAuthorityRow)}`, comment: "Employer pension rate of each authority" },
  ];
  return { sheet, names };
}

export const PARTNERSHIP_LAYOUT = { SETTINGS_FIRST_ROW, AUTHORITIES_HEADER_ROW } as const;
