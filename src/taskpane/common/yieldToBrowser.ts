/**
 * Lets the browser paint and handle input before the next heavy step (parsing, checking, building
 * the write plan), so the pane stays responsive and progress shows.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
