import { type Grid } from "./cells";
import { type PostCost, costPosts } from "./costPost";
import type { Partnership } from "./partnership";
import { type PostListSummary, summarisePosts } from "./summarise";
import { type PostListInput, type PostListValidation, validatePostLists } from "./validatePostList";

/** The whole pure pipeline: validate → cost → summary. Nothing here touches Office or files. */
export interface PostListImport {
  validation: PostListValidation;
  /** At the bottom of every grade range (posts without one at their salary). */
  costs: PostCost[];
  summary: PostListSummary;
  /** The same at the top of every grade range (rule 13). */
  high: { costs: PostCost[]; summary: PostListSummary };
}

/** Costs accepted posts at both ends of their ranges and adds them up. */
export function costAndSummarise(validation: PostListValidation, partnership: Partnership): PostListImport {
  const costs = costPosts(validation.posts, partnership);
  const highCosts = costPosts(validation.posts, partnership, { end: "high" });
  return { validation, costs, summary: summarisePosts(costs, partnership), high: { costs: highCosts, summary: summarisePosts(highCosts, partnership) } };
}

/** Imports several post lists (such as returned templates) for one partnership. */
export function importPostLists(inputs: readonly PostListInput[], partnership: Partnership): PostListImport {
  return costAndSummarise(validatePostLists(inputs, partnership), partnership);
}

/** Imports one post list (a grid from a CSV, an .xlsx sheet, a range or pasted text). */
export function importPostList(grid: Grid, partnership: Partnership, options: Omit<PostListInput, "grid"> = {}): PostListImport {
  return importPostLists([{ grid, ...options }], partnership);
}
