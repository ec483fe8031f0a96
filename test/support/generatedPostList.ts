/**
 * Post lists generated in the test or benchmark that uses them (no large committed fixtures):
 * realistic CSV text for the OCC and CDC partnership in 2019/20, deterministic for a seed.
 * Two authorities, about two thirds joint posts (share columns, or a Split column when asked),
 * salaries written as finance teams write them (£, commas), dates as ISO or UK text or blank,
 * baselines on some joint posts, titles with commas (quoted) and the odd line break.
 */
import { OCC_CDC } from "./samples";

export { OCC_CDC };


export const GENERATED_HEADER = ["Post ID", "Post", "Home authority", "Joint", "Share OCC", "Share CDC", "Salary", "FTE", "Start", "End", "Baseline OCC", "Baseline CDC", "Status"];

/** A small, fast, seeded generator (mulberry32): the same list for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ["Director", "Assistant Director", "Head of Service", "Service Manager", "Team Leader", "Senior Officer", "Officer", "Lead Specialist", "Programme Manager", "Business Partner"];
const AREAS = [
  "Finance", "Law and Governance", "Regulatory Services and Community Safety", "Customers and Service Development", "Strategic Planning",
  "Housing", "Environmental Health", "Human Resources", "ICT", "Communications", "Property, Investment and Facilities", "Revenues and Benefits",
];
const SPLITS: [string, string][] = [["50%", "50%"], ["60%", "40%"], ["0.7", "0.3"], ["25%", "75%"], ["0.5", "0.5"], ["33.33%", "66.67%"]];

function money(n: number, rnd: () => number): string {
  const pounds = Math.round(n);
  const r = rnd();
  if (r < 0.4) return String(pounds);
  if (r < 0.8) return `"£${pounds.toLocaleString("en-GB")}"`; // "£85,000": quoted for the comma
  return `"${pounds.toLocaleString("en-GB")}"`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date in the 2019/20 year, written as ISO or UK text. */
function date(rnd: () => number, fromMonth: number, toMonth: number): string {
  const month = fromMonth + Math.floor(rnd() * (toMonth - fromMonth + 1)); // 4..15 = Apr 2019..Mar 2020
  const year = month > 12 ? 2020 : 2019;
  const m = month > 12 ? month - 12 : month;
  const d = 1 + Math.floor(rnd() * 28);
  return rnd() < 0.5 ? `${year}-${pad(m)}-${pad(d)}` : `${pad(d)}/${pad(m)}/${year}`;
}

export interface GenerateOptions {
  seed?: number;
  /** Extra text appended to each title, to make rows longer (for a file of a given size). */
  titlePadding?: string;
  /** Line ending between records (default "\r\n", as Excel writes CSV on Windows). */
  newline?: string;
}

/** One record (a line of CSV without its line ending). */
export function generatedRow(i: number, rnd: () => number, options: GenerateOptions = {}): string {
  const joint = rnd() < 0.67;
  const home = rnd() < 0.5 ? "OCC" : rnd() < 0.5 ? "CDC" : "Cherwell District Council";
  let title = `${ROLES[Math.floor(rnd() * ROLES.length)]} of ${AREAS[Math.floor(rnd() * AREAS.length)]}${options.titlePadding ?? ""}`;
  if (i % 97 === 0) title += "\nShared service"; // a line break inside a cell
  const quotedTitle = /[",\n\r]/.test(title) ? `"${title.replace(/"/g, '""')}"` : title;
  const salary = 25000 + Math.floor(rnd() * 150000);
  const split = SPLITS[Math.floor(rnd() * SPLITS.length)];
  const fte = rnd() < 0.8 ? "1" : rnd() < 0.5 ? "0.5" : "80%";
  const start = rnd() < 0.6 ? "" : date(rnd, 4, 9);
  const end = rnd() < 0.8 ? "" : date(rnd, 10, 15);
  const baselines = joint && rnd() < 0.3 ? [money(salary * 1.3, rnd), money(salary * 1.25, rnd)] : ["", ""];
  const status = rnd() < 0.7 ? "Permanent" : "Interim";
  return [
    `JW-${String(i + 1).padStart(6, "0")}`,
    quotedTitle,
    home,
    joint ? (rnd() < 0.5 ? "Y" : "Yes") : (rnd() < 0.5 ? "N" : "No"),
    joint ? split[0] : "",
    joint ? split[1] : "",
    money(salary, rnd),
    fte,
    start,
    end,
    baselines[0],
    baselines[1],
    status,
  ].join(",");
}

/** A post list of `count` posts as CSV text, header first, ending with a line break. */
export function generatedPostListCsv(count: number, options: GenerateOptions = {}): string {
  const rnd = random(options.seed ?? 1);
  const newline = options.newline ?? "\r\n";
  const lines: string[] = [GENERATED_HEADER.join(",")];
  for (let i = 0; i < count; i++) lines.push(generatedRow(i, rnd, options));
  return lines.join(newline) + newline;
}
