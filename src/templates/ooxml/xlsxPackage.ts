/**
 * The packaging of an .xlsx file written by exceljs (Open Packaging Conventions), for adding
 * parts exceljs does not write: which part holds each sheet, relationships, content types, and
 * elements inserted into a sheet in the order the schema requires. It reads exceljs's own
 * output, not any .xlsx, so plain text handling of the XML is enough.
 */
import { zipBytes, type Zip } from "./zip";
import { attributes, escapeXml, startTags } from "./xml";

const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;
export const CONTENT_TYPE = {
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/**
 * CT_Worksheet's children after sheetData, in schema order: Excel refuses a sheet whose elements
 * are out of order, so an added element goes before the first of these that follows it.
 */
const WORKSHEET_TAIL = [
  "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
  "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks",
  "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A part's relationships part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relsPartOf(part: string): string {
  const dir = dirOf(part);
  const file = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ""}_rels/${file}.rels`;
}

/** A relationship's Target, from the part that holds it to `target` (both zip paths). */
export function relativeTarget(from: string, target: string): string {
  const a = dirOf(from).split("/").filter(Boolean);
  const b = target.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

export class XlsxPackage {
  constructor(private readonly zip: Zip) {}

  bytes(): Promise<Uint8Array> {
    return zipBytes(this.zip);
  }

  async read(path: string): Promise<string> {
    const file = this.zip.file(path);
    if (!file) throw new Error(`the .xlsx file has no part ${path}`);
    return file.async("string");
  }

  write(path: string, text: string): void {
    this.zip.file(path, text);
  }

  /** The first free part name of a numbered series: xl/charts/chart1.xml, chart2.xml… */
  freePart(make: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.zip.file(make(n))) return make(n);
  }

  /** Each sheet's name and part, in workbook order (the order localSheetId counts in). */
  async sheets(): Promise<{ name: string; part: string }[]> {
    const workbook = await this.read("xl/workbook.xml");
    const rels = await this.relationships("xl/workbook.xml");
    return startTags(workbook, "sheet").map((tag) => {
      const a = attributes(tag);
      const rel = rels.find((r) => r.id === a["r:id"]);
      if (!rel) throw new Error(`the .xlsx file's workbook has no relationship for sheet ${a.name}`);
      return { name: a.name, part: rel.target };
    });
  }

  /** A part's relationships, with targets as zip paths. */
  async relationships(part: string): Promise<{ id: string; type: string; target: string }[]> {
    const relsPart = relsPartOf(part);
    if (!this.zip.file(relsPart)) return [];
    return startTags(await this.read(relsPart), "Relationship").map((tag) => {
      const a = attributes(tag);
      const target = a.Target.startsWith("/") ? normalise(a.Target) : normalise(`${dirOf(part)}/${a.Target}`);
      return { id: a.Id, type: a.Type, target };
    });
  }

  /** Adds a relationship from `part` to `target` and returns its id. */
  async relate(part: string, type: string, target: string): Promise<string> {
    const relsPart = relsPartOf(part);
    const existing = await this.relationships(part);
    const taken = new Set(existing.map((r) => r.id));
    let n = existing.length + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
    const xml = this.zip.file(relsPart)
      ? (await this.read(relsPart)).replace("</Relationships>", `${element}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${element}</Relationships>`;
    this.write(relsPart, xml);
    return id;
  }

  async declareContentType(part: string, contentType: string): Promise<void> {
    const types = await this.read("[Content_Types].xml");
    const element = `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`;
    this.write("[Content_Types].xml", types.replace("</Types>", `${element}</Types>`));
  }

  /** Puts `element` (named `name`) into a sheet part where CT_Worksheet's order wants it. */
  async insertIntoSheet(part: string, name: string, element: string): Promise<void> {
    const xml = await this.read(part);
    if (startTags(xml, name).length) throw new Error(`${part} already has a ${name} element`);
    if (!/<worksheet\b[^>]*\sxmlns:r="/.test(xml)) throw new Error(`${part} does not declare the relationships namespace`);
    const position = WORKSHEET_TAIL.indexOf(name);
    if (position < 0) throw new Error(`no place known for a ${name} element in a worksheet`);
    const after = WORKSHEET_TAIL.slice(position + 1);
    let at = xml.lastIndexOf("</worksheet>");
    for (const follower of after) {
      const m = new RegExp(`<${follower}[\\s/>]`).exec(xml);
      if (m && m.index < at) at = m.index;
    }
    if (at < 0) throw new Error(`${part} is not a worksheet`);
    this.write(part, xml.slice(0, at) + element + xml.slice(at));
  }
}
