import { invalid } from "../core/errors";
import type { Cell } from "../postlist/index";

/** The selected range, as a post list grid. */
export interface SelectedGrid {
  /** grid[0] is the sheet's row `firstRowNumber`. */
  grid: Cell[][];
  firstRowNumber: number;
  /** "Sheet1!A1:K12" */
  address: string;
}

/** More cells than this is not a post list (and would pass Excel on the web's 5 MB response). */
export const MAX_SELECTED_CELLS = 500_000;

/**
 * Reads the values of the selected range, trimmed to the cells in use (so selecting whole
 * columns reads only the list). Dates arrive as Excel serial numbers, which the post-list
 * readers accept.
 */
export async function readSelectedRange(): Promise<SelectedGrid> {
  return Excel.run(async (context) => {
    const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
    used.load("address, rowIndex, rowCount, columnCount");
    try {
      await context.sync();
    } catch (e) {
      // Several blocks selected (Ctrl+click), or a chart or shape rather than cells.
      if ((e as { code?: string }).code === "InvalidSelection") throw invalid("Select one block of cells: the post list with its header row.");
      throw e;
    }
    if (used.isNullObject) throw invalid("The selected cells are empty: select the post list, including its header row, and try again.");
    const cells = used.rowCount * used.columnCount;
    if (cells > MAX_SELECTED_CELLS) {
      throw invalid(`The selection holds ${cells.toLocaleString("en-GB")} cells: select just the post list (its header row and one row per post).`);
    }
    used.load("values");
    await context.sync();
    return { grid: used.values as Cell[][], firstRowNumber: used.rowIndex + 1, address: used.address };
  });
}
