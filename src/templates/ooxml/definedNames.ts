/**
 * The plan's names as the workbook part holds them: a sheet-scoped name carries its sheet's
 * position (localSheetId), and every name its comment, as the Office writer adds them. exceljs
 * can write neither, so the writer puts the names in the workbook part itself.
 */
import type { NamePlan } from "../../workbook/plan";
import { fileFormula } from "../fileFormula";
import { checkExcelName } from "./excelName";
import { escapeXml } from "./xml";

export function definedNamesXml(names: readonly NamePlan[], sheetNames: readonly string[]): string {
  const seen = new Set<string>();
  return names
    .map((n) => {
      checkExcelName(n.name, "Name");
      let scope = "";
      if (n.sheet !== undefined) {
        const index = sheetNames.indexOf(n.sheet);
        if (index < 0) throw new Error(`Name ${n.name} is scoped to sheet ${JSON.stringify(n.sheet)}, which the workbook does not have.`);
        scope = ` localSheetId="${index}"`;
      }
      // Excel keys names case-insensitively, per scope; a duplicate makes it "repair" the file.
      const key = `${n.sheet ?? ""}\u0000${n.name.toLowerCase()}`;
      if (seen.has(key)) throw new Error(`Name ${n.name} is defined twice${n.sheet !== undefined ? ` on ${n.sheet}` : ""}.`);
      seen.add(key);
      const comment = n.comment ? ` comment="${escapeXml(n.comment)}"` : "";
      return `<definedName name="${escapeXml(n.name)}"${scope}${comment}>${escapeXml(fileFormula(n.reference))}</definedName>`;
    })
    .join("");
}

/** The workbook part with the names added: into exceljs's definedNames if any, else a new one after sheets. */
export function withDefinedNames(workbookXml: string, elements: string): string {
  if (!elements) return workbookXml;
  if (workbookXml.includes("</definedNames>")) return workbookXml.replace("</definedNames>", `${elements}</definedNames>`);
  const at = workbookXml.indexOf("</sheets>");
  if (at < 0) throw new Error("the .xlsx file's workbook part has no sheets");
  const end = at + "</sheets>".length;
  return `${workbookXml.slice(0, end)}<definedNames>${elements}</definedNames>${workbookXml.slice(end)}`;
}
