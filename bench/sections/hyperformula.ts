/**
 * Section 1: the JW functions against the native formulas that do the same sum, in a real
 * spreadsheet engine (HyperFormula, with the JW functions registered as Excel would call them:
 * test/support/jwHyperFormula.ts), over a posts sheet of 10,000 rows.
 *
 * Two pairs of workbooks, identical but for column G:
 *   split:           =JW.SPLITCOST(C*D*$K$1, E, 1)    vs  =ROUND(C*D*$K$1*E, 2)
 *   employment cost: =JW.EMPLOYMENTCOST(B, $K$2, F, D) vs  =ROUND(B*D,2)+ROUND(MAX(0,ROUND(B*D,2)-$K$3)*$K$4,2)
 *                                                            +ROUND(ROUND(B*D,2)*F,2)+ROUND(ROUND(B*D,2)*0.005,2)
 * (B salary, C annual cost, D FTE, E share, F pension rate; K1 a pay award, K2 the year, K3 and
 * K4 the NI threshold and rate the native formula needs.) Each pair is timed on a full
 * calculation (building the workbook from its sheets), a one-cell edit that one formula depends
 * on, and an edit of the shared input that every row depends on.
 */
import { buildWorkbook, type HyperFormula } from "../../test/support/jwHyperFormula";
import { comparePair, formatNumber, ratioResult, type Result, type RunOptions, type Section } from "../harness";

const TARGET = 1.1;

type Sheet = (string | number | null)[][];

interface Pair {
  name: string;
  jw: (r: number) => string;
  native: (r: number) => string;
  /** The row input that one formula reads: [column, value A, value B] (0-based column). */
  rowInput: [number, number, number];
  /** Why the JW column and the native one can differ in the last penny. */
  differs: string;
  /** The shared input for each side: [column, row, value A, value B]. */
  sharedJw: [number, number, string | number, string | number];
  sharedNative: [number, number, string | number, string | number];
}

const PAIRS: Pair[] = [
  {
    name: "SPLITCOST",
    jw: (r) => `=JW.SPLITCOST(C${r}*D${r}*$K$1,E${r},1)`,
    native: (r) => `=ROUND(C${r}*D${r}*$K$1*E${r},2)`,
    rowInput: [2, 123456.78, 98765.43],
    differs: "the odd penny goes by largest remainder, and the parts add back, where ROUND(a×s) rounds each alone",
    sharedJw: [10, 0, 1.02, 1],
    sharedNative: [10, 0, 1.02, 1],
  },
  {
    name: "EMPLOYMENTCOST",
    jw: (r) => `=JW.EMPLOYMENTCOST(B${r},$K$2,F${r},D${r})`,
    native: (r) => {
      const pay = `ROUND(B${r}*D${r},2)`;
      return `=${pay}+ROUND(MAX(0,${pay}-$K$3)*$K$4,2)+ROUND(${pay}*F${r},2)+ROUND(${pay}*0.005,2)`;
    },
    rowInput: [1, 123456, 98765],
    differs: "HyperFormula's ROUND takes binary halves down, in each of the four roundings: 91,235 × 0.185 = 16,878.475 gives 16,878.47, JW 16,878.48 as Excel",
    // 2019/20 ↔ 2020/21: the threshold moves from 8,632 to 8,788 at 13.8% either way.
    sharedJw: [10, 1, "2020/21", "2019/20"],
    sharedNative: [10, 2, 8788, 8632],
  },
];

/** A deterministic posts sheet: the same salaries, costs, FTEs, shares and rates every run. */
function postsSheet(rows: number, formula: (r: number) => string): Sheet {
  let seed = 20190401;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sheet: Sheet = [["Post", "Salary", "Cost", "FTE", "Share", "Pension", "Result", null, null, null, 1]];
  sheet[0][10] = 1; // K1: pay award factor
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const salary = 20_000 + Math.floor(next() * 180_000);
    const cost = Math.round(salary * (1.2 + next() * 0.2) * 100) / 100;
    const fte = [1, 1, 1, 0.8, 0.5, 0.6][i % 6];
    const share = [0.5, 0.61, 0.6, 0.74, 0.82, Math.floor(next() * 101) / 100][i % 6];
    const pension = [0.199, 0.2, 0.185, 0.21][i % 4];
    sheet.push([`Post ${r}`, salary, cost, fte, share, pension, formula(r)]);
  }
  // Shared inputs in K: K1 pay award (above), K2 year, K3 NI threshold, K4 NI rate.
  sheet[1].push(null, null, null, "2019/20");
  sheet[2].push(null, null, null, 8632);
  sheet[3].push(null, null, null, 0.138);
  return sheet;
}

function column(hf: HyperFormula, col: number, rows: number): number[] {
  const values = hf.getSheetValues(0);
  const out: number[] = [];
  for (let i = 1; i <= rows; i++) out.push(values[i][col] as number);
  return out;
}

/** How the two columns compare, so the pair is known to do the same sum. */
function agreement(jw: number[], native: number[]): string {
  let same = 0;
  let maxPence = 0;
  for (let i = 0; i < jw.length; i++) {
    if (typeof jw[i] !== "number" || typeof native[i] !== "number") throw new Error(`row ${i + 2} is not a number: ${String(jw[i])}, ${String(native[i])}`);
    if (jw[i] === native[i]) same++;
    else maxPence = Math.max(maxPence, Math.round(Math.abs(jw[i] - native[i]) * 100));
  }
  return `${formatNumber(same)} rows equal, ${formatNumber(jw.length - same)} differ by at most ${maxPence}p`;
}

export const hyperFormulaSection: Section = {
  id: "1",
  name: "hyperformula",
  title: "JW functions vs native formulas in HyperFormula",
  run(options: RunOptions): Result[] {
    const rows = options.quick ? 2_000 : 10_000;
    // A build takes about a second, an edit of the shared input a fifth of one, a row edit a tenth
    // of a millisecond: repetitions and batch sizes keep each measure to seconds, not minutes.
    const buildRuns = options.quick ? { warmup: 1, reps: 3 } : { warmup: 2, reps: 9 };
    const editRuns = options.quick ? { warmup: 2, reps: 5 } : { warmup: 3, reps: 21 };
    const edits = options.quick ? 200 : 1_000;
    const sharedEdits = 2;
    const work = `${formatNumber(rows)} rows`;
    const results: Result[] = [];

    for (const pair of PAIRS) {
      const jwSheet = postsSheet(rows, pair.jw);
      const nativeSheet = postsSheet(rows, pair.native);
      const section = "1 HyperFormula";

      // Full calculation: build each workbook from its sheets (parse, graph, evaluate every cell).
      let built: HyperFormula | undefined;
      const drop = () => {
        built?.destroy();
        built = undefined;
      };
      const full = comparePair(
        () => {
          built = buildWorkbook({ Posts: jwSheet });
        },
        () => {
          built = buildWorkbook({ Posts: nativeSheet });
        },
        { ...buildRuns, setupOurs: drop, setupBaseline: drop },
      );
      drop();

      const jwBook = buildWorkbook({ Posts: jwSheet });
      const nativeBook = buildWorkbook({ Posts: nativeSheet });
      const agreeNote = `the two columns: ${agreement(column(jwBook, 6, rows), column(nativeBook, 6, rows))} (${pair.differs})`;
      results.push(ratioResult(section, `${pair.name} vs native: full calculation (build)`, work, full, TARGET, agreeNote));

      // A one-cell edit that one formula depends on: row 5,000's input, back and forth.
      const [col, a, b] = pair.rowInput;
      const target = Math.floor(rows / 2);
      const editRow = (hf: HyperFormula) => () => {
        for (let i = 0; i < edits; i++) hf.setCellContents({ sheet: 0, col, row: target }, i % 2 ? a : b);
      };
      const one = comparePair(editRow(jwBook), editRow(nativeBook), editRuns);
      results.push(ratioResult(section, `${pair.name} vs native: edit one row's input`, `${formatNumber(edits)} edits, 1 formula each`, one, TARGET));

      // An edit of the shared input every row depends on: all rows recalculate.
      const editShared = (hf: HyperFormula, [c, r, x, y]: Pair["sharedJw"]) => () => {
        for (let i = 0; i < sharedEdits; i++) hf.setCellContents({ sheet: 0, col: c, row: r }, i % 2 ? y : x);
      };
      const shared = comparePair(editShared(jwBook, pair.sharedJw), editShared(nativeBook, pair.sharedNative), editRuns);
      results.push(
        ratioResult(section, `${pair.name} vs native: edit the shared input`, `${sharedEdits} edits × ${formatNumber(rows)} formulas`, shared, TARGET),
      );
      jwBook.destroy();
      nativeBook.destroy();
    }
    return results;
  },
};
