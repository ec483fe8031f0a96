import { parseLevy, type CliOptions } from "./jw-summary";
import { UsageError, optionList, optionValue } from "./runCommand";

/**
 * The options every workbook writer reads the same way: the post lists, the partnership and its
 * year, the levy, the sheet of .xlsx lists and the file to write.
 */
export function postListOptions(options: Map<string, string[] | true>): CliOptions & { out: string } {
  const posts = optionList(options, "posts");
  const out = optionValue(options, "out");
  const partnership = optionValue(options, "partnership");
  const year = optionValue(options, "year");
  const missing = [posts.length === 0 ? "--posts" : "", out === undefined ? "--out" : "", partnership !== undefined && year === undefined ? "--year" : ""].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.join(", ")}.`);
  const levy = optionValue(options, "levy");
  return { posts, partnership, year, levy: levy === undefined ? undefined : parseLevy(levy), sheet: optionValue(options, "sheet"), json: false, out: out! };
}
