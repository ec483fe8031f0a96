import { invalid } from "../core/errors";
import { SHEET, TABLE, postsLayout } from "../workbook/index";

/**
 * How many posts the JW Posts table holds, checked against the layout the true-up's formulas
 * expect for these authorities (one read, one sync). Throws a RuleError saying what to do when
 * the table is missing or was written for other authorities.
 */
export async function postsTableRows(codes: readonly string[]): Promise<number> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.posts);
    await context.sync();
    if (table.isNullObject) throw invalid(`This workbook has no ${SHEET.posts} table: import the post list first (Import tab), then the outturn.`);
    const header = table.getHeaderRowRange();
    header.load("values");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    await context.sync();
    const expected = postsLayout(codes).headers;
    const headers = (header.values[0] ?? []).map((h) => String(h));
    if (headers.length !== expected.length || headers.some((h, i) => h !== expected[i])) {
      throw invalid(`${SHEET.posts} was written for other authorities or by another version of the add-in: import the post list again, then the outturn.`);
    }
    // An empty table keeps one blank row (an Excel table needs one): the true-up shows it as a single post.
    return body.rowCount;
  });
}
