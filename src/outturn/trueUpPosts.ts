import { toPence } from "../core/money";
import { DEFAULT_TRUE_UP_TOLERANCE, trueUp, type TrueUp, type Unmatched } from "../core/trueUp";
import type { PostCost } from "../postlist/costPost";
import type { Partnership } from "../postlist/partnership";
import type { Outturn } from "./readOutturn";

/**
 * The true-up of a costed post list against an outturn: each post's row as the core needs it
 * (its cost this year, as the Posts table computes it, is the estimate).
 */
export function trueUpPosts(costs: readonly PostCost[], outturns: readonly Outturn[], partnership: Partnership, tolerance = DEFAULT_TRUE_UP_TOLERANCE): TrueUp {
  return trueUp(
    costs.map((c) => ({ postId: c.post.id, homeIndex: c.post.homeIndex, shares: c.post.joint && c.post.shares ? c.post.shares : null, estimate: c.costThisYear })),
    outturns.map((o) => ({ postId: o.postId, actual: toPence(o.actual) })),
    partnership.authorities.length,
    tolerance,
  );
}

/** Why a row is listed, for a finance officer: what it means and what to do. */
export function unmatchedMessage(u: Unmatched): string {
  switch (u.reason) {
    case "noPost":
      return `No post in the post list has Post ID ${JSON.stringify(u.postId)}: check the ID against the post list; this actual cost is not used.`;
    case "singlePost":
      return `${u.postId} is a single post: its home council bears all of its cost, so there is nothing to true up.`;
    case "noOutturn":
      return `Joint post ${u.postId} has no actual cost in the outturn: add its row to true it up; until then its estimate stands.`;
    case "noPostId":
      return "This joint post has no Post ID, so no outturn can be matched to it: give it one in the post list.";
    case "noEstimate":
      return `${u.postId}'s estimate for the year is 0 (its dates fall outside the year), so its actual cost cannot be split across its rows: check its Start and End.`;
  }
}
