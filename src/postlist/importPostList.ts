import { type Grid } from "./cells";
import { type PostCost, costPosts } from "./costPost";
import type { Partnership } from "./partnership";
import { type PostListSummary, summarisePosts } from "./summarise";
import { type PostListInput, type PostListValidation, validatePostLists } from "./validatePostList";

/** The whole pure pipeline: validate → cost → summary. Nothing here touches Office or files. */
export interface PostListImport {
  validation: PostListValidation;
  costs: PostCost[];
  summary: PostListSummary;
}

/** Imports several post lists (such as returned templates) for one partnership. */
export function importPostLists(inputs: readonly PostListInput[], partnership: Partnership): PostListImport {
  const validation = validatePostLists(inputs, partnership);
  const costs = costPosts(validation.posts, partnership);
  return { validation, costs, summary: summarisePosts(costs, partnership) };
}

/** Imports one post list (a grid from a CSV, an .xlsx sheet, a range or pasted text). */
export function importPostList(grid: Grid, partnership: Partnership, options: Omit<PostListInput, "grid"> = {}): PostListImport {
  return importPostLists([{ grid, ...options }], partnership);
}
