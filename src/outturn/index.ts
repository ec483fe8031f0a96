/**
 * The year-end outturn, the pure half: read and check an outturn list, true it up against the
 * costed posts (src/core/trueUp.ts), and give the result as JSON. No Office imports.
 */
export * from "./readOutturn";
export * from "./trueUpPosts";
export * from "./trueUpJson";
export * from "./withReturned";
