import * as React from "react";
import { Badge, Button, Caption1, Field, Input, ProgressBar, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RuleError } from "../../core/errors";
import type { Partnership } from "../../postlist/index";
import type { OutturnImport } from "../../outturn/index";
import { SHEET } from "../../workbook/index";
import { readSelectedRange } from "../../excel/selection";
import { existingSheets, writePlan } from "../../excel/writePlan";
import { postsTableRows } from "../../excel/postsTable";
import { readMethodSettings, readWorkbookKeeps } from "../../excel/workbookKeeps";
import { type Notice, NoticeBar, errorNotice } from "../common/ErrorBar";
import { plural } from "../common/format";
import { yieldToBrowser } from "../common/yieldToBrowser";
import { type LoadedList, type LoadedWorkbook, listFromGrid, readChosenFile, readPastedText, readWorkbookSheet } from "../import/postList";
import { ProblemList } from "../common/ProblemList";
import { ReplaceDialog } from "../import/ReplaceDialog";
import { type SourceKind, SourcePicker } from "../import/SourcePicker";
import { planTrueUp, previewOutturn, readTolerance, rejectedRows, toleranceText } from "./trueUpSteps";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  heading: { margin: 0 },
});

export interface TrueUpPanelProps {
  /** The partnership the workbook holds (null until it is saved). */
  partnership: Partnership | null;
  canWrite: boolean;
}

const TRUE_UP_SHEETS = [SHEET.trueUp, SHEET.outturn];

/**
 * Year-end true-up: read the outturn (Post ID, Actual cost, Notes) from a file, the selection or
 * pasted text, show every problem by row before anything is written, then write JW Outturn and
 * JW True-up (built-in formulas over JW Posts) with the tolerance on the Method sheet.
 */
export function TrueUpPanel({ partnership, canWrite }: TrueUpPanelProps) {
  const s = useStyles();
  const [kind, setKind] = React.useState<SourceKind>("file");
  const [pasted, setPasted] = React.useState("");
  const [workbook, setWorkbook] = React.useState<LoadedWorkbook | null>(null);
  const [sheet, setSheet] = React.useState<string | null>(null);
  const [list, setList] = React.useState<LoadedList | null>(null);
  const [outturn, setOutturn] = React.useState<OutturnImport | null>(null);
  const [tolerance, setTolerance] = React.useState("3%");
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [replace, setReplace] = React.useState<string[]>([]);
  // The tolerance starts as the workbook has it on JW Method, unless the user has typed one already.
  const toleranceTyped = React.useRef(false);
  React.useEffect(() => {
    if (!canWrite) return;
    let live = true;
    readMethodSettings()
      .then((method) => {
        const t = method.trueUpTolerance;
        if (live && !toleranceTyped.current && typeof t === "number") setTolerance(toleranceText(t));
      })
      .catch(() => undefined); // an unreadable workbook shows its problem when the true-up is written
    return () => {
      live = false;
    };
  }, [canWrite]);

  const toleranceProblem = React.useMemo(() => {
    try {
      readTolerance(tolerance);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }, [tolerance]);

  function check(next: LoadedList | null) {
    setList(next);
    setOutturn(null);
    if (!next) return;
    try {
      setOutturn(previewOutturn(next));
    } catch (e) {
      setNotice(errorNotice("The outturn cannot be read", e));
    }
  }

  async function read(step: () => Promise<LoadedList | null>) {
    setBusy(true);
    setNotice(null);
    try {
      check(await step());
    } catch (e) {
      setNotice(errorNotice("The outturn cannot be read", e, e instanceof RuleError ? "" : "Nothing was changed. Try again."));
      check(null);
    } finally {
      setBusy(false);
    }
  }

  async function write(confirmed: boolean) {
    if (!partnership || !outturn) return;
    setBusy(true);
    setNotice(null);
    setProgress(undefined);
    try {
      const rate = readTolerance(tolerance);
      const rows = await postsTableRows(partnership.authorities.map((a) => a.code));
      if (!confirmed) {
        const existing = await existingSheets(TRUE_UP_SHEETS);
        if (existing.length > 0) {
          setReplace(existing);
          return;
        }
      }
      const kept = await readWorkbookKeeps(partnership);
      await yieldToBrowser();
      await writePlan(planTrueUp(partnership, rows, outturn, rate, kept), { onProgress: (done, total) => setProgress(done / total) });
      setNotice({
        intent: "success",
        title: "True-up written",
        message: `${SHEET.trueUp} compares ${plural(rows, "row")} of ${SHEET.posts} with ${plural(outturn.outturns.length, "outturn row")} in ${SHEET.outturn}, at a tolerance of ${tolerance.trim()} (on ${SHEET.method}). It lists outturn rows that match no joint post and joint posts with no outturn.\nImporting the post list again writes the true-up again over the new posts, with this outturn.`,
      });
    } catch (e) {
      setNotice(errorNotice("The true-up was not written", e, e instanceof RuleError ? "" : "The workbook was left as it was. Try again; if it keeps failing, close and reopen the add-in."));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }

  if (!partnership) {
    return <Text>Save the partnership and import the post list first: the true-up compares each joint post in {SHEET.posts} with its actual cost.</Text>;
  }
  const bad = outturn ? rejectedRows(outturn) : 0;
  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>
        The outturn is the actual cost of each post for the year, from the ledger: columns Post ID and Actual cost (Notes optional). A re-based post takes one actual cost, split across its periods.
      </Caption1>
      <SourcePicker
        what="Outturn"
        kind={kind}
        busy={busy}
        canReadSelection={canWrite}
        workbook={workbook}
        sheet={sheet}
        pasted={pasted}
        onKind={setKind}
        onFile={(file) =>
          void read(async () => {
            const chosen = await readChosenFile(file);
            setWorkbook(chosen.workbook);
            setSheet(chosen.sheet);
            if (chosen.note) setNotice({ intent: "warning", title: "Choose a sheet", message: chosen.note });
            return chosen.list;
          })
        }
        onSheet={(name) =>
          void read(async () => {
            setSheet(name);
            return workbook ? readWorkbookSheet(workbook, name) : null;
          })
        }
        onSelection={() =>
          void read(async () => {
            const selected = await readSelectedRange();
            return listFromGrid(selected.grid, selected.firstRowNumber, selected.address);
          })
        }
        onPasted={setPasted}
        onReadPasted={() => void read(async () => readPastedText(pasted))}
      />
      <Field label="Tolerance" hint="No adjustment while the outturn is within this of the estimate (3% is common)." validationMessage={toleranceProblem ?? undefined}>
        <Input
          value={tolerance}
          onChange={(_, d) => {
            toleranceTyped.current = true;
            setTolerance(d.value);
          }}
          disabled={busy}
          aria-label="Tolerance"
        />
      </Field>
      {notice && <NoticeBar notice={notice} />}
      {list && outturn && (
        <section className={s.root} aria-label="Outturn preview">
          <Subtitle2 as="h3" className={s.heading}>
            Preview
          </Subtitle2>
          <div className={s.counts}>
            <Badge appearance="tint" color="success" size="large">
              {plural(outturn.outturns.length, "row")} accepted
            </Badge>
            <Badge appearance="tint" color={bad > 0 ? "danger" : "informative"} size="large">
              {plural(bad, "row")} rejected
            </Badge>
          </div>
          {outturn.rejected.length > 0 && (
            <>
              <Text weight="semibold">Problems in {list.source}</Text>
              <ProblemList problems={outturn.rejected} label="Outturn problems" />
              <Caption1 className={s.muted}>Rejected rows are not written: their posts show as having no outturn. Correct them and read the outturn again.</Caption1>
            </>
          )}
          <div>
            <Button appearance="primary" disabled={busy || !canWrite || toleranceProblem !== null || outturn.outturns.length === 0} onClick={() => void write(false)}>
              Write the true-up
            </Button>
          </div>
          {busy && progress !== undefined && <ProgressBar value={progress} />}
        </section>
      )}
      <ReplaceDialog
        sheets={replace}
        onReplace={() => {
          setReplace([]);
          void write(true);
        }}
        onCancel={() => {
          setReplace([]);
          setBusy(false);
        }}
      />
    </div>
  );
}

export default TrueUpPanel;
