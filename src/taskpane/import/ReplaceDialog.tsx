import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { dependentsText } from "./keptText";

export interface ReplaceDialogProps {
  /** The add-in's sheets that exist and would be replaced; the dialog is open while there are some. */
  sheets: string[];
  /** Sheets that read the replaced ones (the true-up, the annual report): written again with them. */
  dependents?: string[];
  onReplace(): void;
  onCancel(): void;
}

/** Asks before an import replaces the add-in's own sheets. */
export function ReplaceDialog({ sheets, dependents = [], onReplace, onCancel }: ReplaceDialogProps) {
  return (
    <Dialog open={sheets.length > 0} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-label="Replace the add-in's sheets?">
        <DialogBody>
          <DialogTitle>Replace the add-in&apos;s sheets?</DialogTitle>
          <DialogContent>
            <p>This workbook already has {sheets.join(", ")} from an earlier import.</p>
            <p>Importing replaces them with this list. Nothing else in the workbook is changed; if the write fails, the old sheets are kept.</p>
            {dependents.length > 0 && <p>{dependentsText(dependents)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReplace}>
              Replace
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
