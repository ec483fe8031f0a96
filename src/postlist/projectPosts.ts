import { awardFor, checkAwards, checkProjectionYears, niForProjectedYear, projectedAmounts, projectionYears } from "../core/projection";
import type { FinancialYear } from "../core/financialYear";
import { costPost, type PostCost } from "./costPost";
import type { Partnership } from "./partnership";
import type { Post } from "./post";
import { summarisePosts, type PostListSummary } from "./summarise";
import { fractionFromCell } from "./values";

/**
 * A post list projected over several years (cost-split-rules.md, rule 14), each year costed as
 * one year is (post-list.md), with the salaries, ranges and given baselines grown by the pay
 * awards and each year's own NI figures and dates.
 */
export interface ProjectionSettings {
  /** Years projected, the first included (1 to 10; default 4). */
  years: number;
  /** Pay awards for the second, third … year, as fractions; the last repeats; none means 0%. */
  awards: readonly number[];
}

export interface ProjectedYear {
  year: FinancialYear;
  /** The award applied this year (0 for the first, which is today's figures). */
  award: number;
  costs: PostCost[];
  summary: PostListSummary;
  /** The assumptions this year's figures rest on, in words (pay award, NI past the table). */
  assumed: string[];
}

/**
 * Pay awards written as text, as the partnership sheet keeps them and the task pane's form takes
 * them: "2%, 2.5%" or "0.02, 0.025" (`percentNumbers`: "2, 2.5" means percentages). Blank is no
 * award. Returns the fractions, or a problem naming the award that is wrong.
 */
export function payAwardsFromText(text: string, label: string, percentNumbers = false): number[] | { problem: string } {
  if (text.trim() === "") return [];
  const pieces = text.split(/[,;]/).map((p) => p.trim());
  const out: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i].replace(/\s+/g, "");
    const which = pieces.length === 1 ? `${label} "${pieces[i]}"` : `${label}: award ${i + 1} ("${pieces[i]}")`;
    const f = p === "" ? null : fractionFromCell(percentNumbers && !p.endsWith("%") ? `${p}%` : p);
    if (f === null) return { problem: `${which} is not a rate: give each year's award as a percentage, such as 2 or 2.5, separated by commas.` };
    if (f.value < 0) return { problem: `${which} is negative: a pay award is 0 or more.` };
    if (f.value > 1) return { problem: `${which} is above 100%: ${percentNumbers ? "give 2 for 2%" : "give 2% or 0.02"}.` };
    out.push(f.value);
  }
  return out;
}

/** Awards as the partnership sheet keeps them: "2%, 2.5%". */
export function payAwardsText(awards: readonly number[]): string {
  return awards.map((a) => `${percent(a)}`).join(", ");
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

/** A post as it stands in year k: salary, range and given baselines grown by the awards to then. */
function postInYear(post: Post, awards: readonly number[], k: number): Post {
  if (k === 0) return post;
  const at = (pounds: number) => projectedAmounts(pounds, awards, k + 1)[k];
  return {
    ...post,
    salary: at(post.salary),
    salaryMax: post.salaryMax === null ? null : at(post.salaryMax),
    baselines: post.baselines.map((b) => (b === null || b === undefined ? null : at(b))),
  };
}

export function projectPosts(posts: readonly Post[], partnership: Partnership, settings: ProjectionSettings): ProjectedYear[] {
  const count = checkProjectionYears(settings.years);
  const awards = checkAwards(settings.awards);
  return projectionYears(partnership.year, count).map((year, k) => {
    const ni = niForProjectedYear(year);
    const inYear: Partnership = { ...partnership, year };
    const costs = posts.map((p) => costPost(postInYear(p, awards, k), inYear, { ni: ni.figures }));
    const award = awardFor(awards, k);
    const assumed: string[] = [];
    if (k > 0) assumed.push(`Pay award ${percent(award)} for ${year.label} (an assumption), applied to salaries and to baselines given as amounts.`);
    if (ni.assumedFrom !== null) {
      assumed.push(`Employer NI for ${year.label} at ${ni.assumedFrom}'s figures (threshold £${ni.figures.threshold.toLocaleString("en-GB")}, rate ${percent(ni.figures.rate)}), the latest known: an assumption.`);
    }
    return { year, award, costs, summary: summarisePosts(costs, inYear), assumed };
  });
}
