// Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html (the manifest's
// FunctionFile), so it needs no page of its own.

Office.onReady(() => {
  // Office is ready: nothing to set up yet.
});

/**
 * Runs when an add-in command with this action is selected.
 * @param event The command's event: call completed() when done.
 */
function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate("action", action);
