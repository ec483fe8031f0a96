import type { Partnership } from "../../postlist/index";
import { DEFAULT_TEMPLATE_SHEET, planToXlsx, templateWorkbookPlan, type TemplateContent } from "../../templates/index";

/**
 * "Download template": the same template as "New costing template", built as an .xlsx file in
 * the browser with exceljs and offered as a download.
 */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name such as costing-template-OCC-CDC-2019-20.xlsx */
export function templateFileName(p: Partnership): string {
  const codes = p.authorities.map((a) => a.code.replace(/[^A-Za-z0-9]+/g, "")).join("-");
  return `costing-template-${codes}-${p.year.label.replace("/", "-")}.xlsx`;
}

export async function templateFile(p: Partnership, content: TemplateContent = {}): Promise<Blob> {
  const t = templateWorkbookPlan(p, { ...content, sheetName: DEFAULT_TEMPLATE_SHEET });
  const bytes = await planToXlsx(t.workbook);
  return new Blob([bytes as BlobPart], { type: XLSX_TYPE });
}

/** Offers a Blob as a download (a temporary link, clicked, then released). */
export function offerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
