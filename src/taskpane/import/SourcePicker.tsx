import * as React from "react";
import { Button, Caption1, Field, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { LoadedWorkbook } from "./postList";

export type SourceKind = "file" | "selection" | "paste";

const ACCEPT = ".csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  hidden: { display: "none" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SourcePickerProps {
  kind: SourceKind;
  busy: boolean;
  canReadSelection: boolean;
  workbook: LoadedWorkbook | null;
  sheet: string | null;
  pasted: string;
  onKind(kind: SourceKind): void;
  onFile(file: File): void;
  onSheet(sheet: string): void;
  onSelection(): void;
  onPasted(text: string): void;
  onReadPasted(): void;
  /** What is read, for the labels (default "Post list"). */
  what?: string;
}

/** Where the post list comes from: a CSV or .xlsx file (then a sheet), the selected range, or pasted text. */
export function SourcePicker(props: SourcePickerProps) {
  const s = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const what = props.what ?? "Post list";
  return (
    <div className={s.root}>
      <Field label={`${what} from`}>
        <RadioGroup layout="horizontal" value={props.kind} onChange={(_, d) => props.onKind(d.value as SourceKind)} disabled={props.busy}>
          <Radio value="file" label="File" />
          <Radio value="selection" label="Selection" disabled={!props.canReadSelection} />
          <Radio value="paste" label="Paste" />
        </RadioGroup>
      </Field>
      {props.kind === "file" && (
        <>
          <div className={s.row}>
            <Button disabled={props.busy} onClick={() => fileInput.current?.click()}>
              Choose a file…
            </Button>
            <Caption1 className={s.muted}>CSV, tab-separated text or .xlsx</Caption1>
          </div>
          <input
            ref={fileInput}
            className={s.hidden}
            type="file"
            accept={ACCEPT}
            aria-label={`${what} file`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that choosing the same file again reads it again.
              e.currentTarget.value = "";
              if (file) props.onFile(file);
            }}
          />
          {props.workbook && props.workbook.sheets.length > 0 && (
            <Field label="Sheet">
              <Select value={props.sheet ?? ""} disabled={props.busy} onChange={(_, d) => props.onSheet(d.value)}>
                {props.workbook.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      )}
      {props.kind === "selection" && (
        <div className={s.row}>
          <Button disabled={props.busy} onClick={props.onSelection}>
            Read the selected range
          </Button>
          <Caption1 className={s.muted}>Select the list, header row included.</Caption1>
        </div>
      )}
      {props.kind === "paste" && (
        <>
          <Field label="Paste the list, header row first" hint="Copied from a spreadsheet (tab separated) or CSV text.">
            <Textarea value={props.pasted} resize="vertical" rows={5} disabled={props.busy} onChange={(_, d) => props.onPasted(d.value)} />
          </Field>
          <div className={s.row}>
            <Button disabled={props.busy || props.pasted.trim() === ""} onClick={props.onReadPasted}>
              Read pasted text
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
