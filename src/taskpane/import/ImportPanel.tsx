import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { RuleError } from "../../core/errors";
import { type ColumnMapping, type Partnership, type PostListSummary, checkMapping, proposeMapping } from "../../postlist/index";
import { BENEFIT_SHEET, IMPORT_SHEETS, SHEET } from "../../workbook/index";
import { keepingPlan } from "../../excel/keepingPlan";
import { recallMapping, rememberMapping } from "../../excel/mappingStore";
import { readWorkbookKeeps } from "../../excel/workbookKeeps";
import { readSelectedRange } from "../../excel/selection";
import { existingSheets, writePlan } from "../../excel/writePlan";
import { type Notice, NoticeBar, errorNotice } from "../common/ErrorBar";
import { plural } from "../common/format";
import { yieldToBrowser } from "../common/yieldToBrowser";
import { partnershipKey } from "../partnership/partnershipForm";
import { MappingEditor } from "./MappingEditor";
import {
  type ListShape,
  type LoadedList,
  type LoadedWorkbook,
  type Preview,
  listFromGrid,
  importInput,
  listShape,
  previewList,
  readChosenFile,
  readPastedText,
  readWorkbookSheet,
} from "./postList";
import { PreviewPanel } from "./PreviewPanel";
import { ReplaceDialog } from "./ReplaceDialog";
import { keptLines } from "./keptText";
import { ResultPanel, type Written } from "./ResultPanel";
import { type SourceKind, SourcePicker } from "./SourcePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ImportPanelProps {
  /** The partnership the form describes, when valid. */
  partnership: Partnership | null;
  /** partnershipKey of the partnership the workbook holds ("" for none). */
  storedKey: string;
  /** Whether Excel is there to read from and write to. */
  canWrite: boolean;
  onPartnershipWritten(p: Partnership): void;
  onGoToPartnership(): void;
}

interface MappingState {
  mapping: ColumnMapping;
  origin: "remembered" | "proposed" | "edited";
  notes: string[];
}

/** Sheets whose formulas read JW Posts or JW Summary row by row: the import writes them again with them. */
const DEPENDENT_SHEETS: readonly string[] = [SHEET.trueUp, BENEFIT_SHEET.report];

const OFFICE_ADVICE = "Nothing was changed in the workbook. Try again; if it keeps failing, close and reopen the add-in.";

function readNotice(title: string, e: unknown): Notice {
  return e instanceof RuleError ? errorNotice(title, e) : errorNotice(title, e, OFFICE_ADVICE);
}

/** Import a post list: choose the source, map columns, preview every problem, confirm, write, see the summary. */
export function ImportPanel(props: ImportPanelProps) {
  const s = useStyles();
  const { partnership } = props;
  const [kind, setKind] = React.useState<SourceKind>("file");
  const [pasted, setPasted] = React.useState("");
  const [reading, setReading] = React.useState(false);
  const [list, setList] = React.useState<LoadedList | null>(null);
  const [workbook, setWorkbook] = React.useState<LoadedWorkbook | null>(null);
  const [sheet, setSheet] = React.useState<string | null>(null);
  const [mapping, setMapping] = React.useState<MappingState | null>(null);
  const [mappingOpen, setMappingOpen] = React.useState<string[]>([]);
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [checking, setChecking] = React.useState(false);
  const [previewNotice, setPreviewNotice] = React.useState<Notice | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [replace, setReplace] = React.useState<string[]>([]);
  const [dependents, setDependents] = React.useState<string[]>([]);
  /** null: not writing; undefined: writing, amount unknown; else the fraction done. */
  const [progress, setProgress] = React.useState<number | undefined | null>(null);
  const [result, setResult] = React.useState<{ summary: PostListSummary; written: Written } | null>(null);

  const writing = progress !== null;
  const busy = reading || writing;
  const authorities = partnership?.authorities ?? null;
  // The mapping depends on the authorities' codes and names only, not on rates or the year.
  const authoritiesKey = authorities ? JSON.stringify(authorities.map((a) => [a.code, a.name])) : "";

  // The header row can depend on the authorities (a header may be an authority's code).
  const shape: ListShape | null = React.useMemo(() => (list && authorities ? listShape(list, authorities) : null), [list, authoritiesKey]);

  // A new list or other authorities: the remembered mapping for these headers, else a proposal.
  React.useEffect(() => {
    if (!shape || !authorities) {
      setMapping(null);
      return;
    }
    const proposal = proposeMapping(shape.headers, authorities);
    const remembered = recallMapping(shape.headers, authorities);
    setMapping(remembered ? { mapping: remembered, origin: "remembered", notes: [] } : { mapping: proposal.mapping, origin: "proposed", notes: proposal.notes });
  }, [shape]);

  const mappingProblems = React.useMemo(
    () => (shape && mapping && authorities ? checkMapping(mapping.mapping, shape.headers, authorities) : []),
    [shape, mapping],
  );

  React.useEffect(() => {
    if (mappingProblems.length > 0) setMappingOpen(["mapping"]);
  }, [mappingProblems.length]);

  // The preview: checked and costed off the click, after the pane has painted.
  React.useEffect(() => {
    setPreview(null);
    setPreviewNotice(null);
    if (!list || !shape || !mapping || !partnership || mappingProblems.length > 0) return;
    let stale = false;
    setChecking(true);
    (async () => {
      await yieldToBrowser();
      if (stale) return;
      try {
        const next = previewList(list, shape, mapping.mapping, partnership);
        if (!stale) setPreview(next);
      } catch (e) {
        if (!stale) setPreviewNotice(readNotice("The list cannot be checked", e));
      } finally {
        if (!stale) setChecking(false);
      }
    })();
    return () => {
      stale = true;
      setChecking(false);
    };
  }, [list, shape, mapping, partnership, mappingProblems]);

  async function load(title: string, read: () => Promise<{ list: LoadedList | null; workbook?: LoadedWorkbook | null; sheet?: string | null; note?: string }>) {
    setReading(true);
    setNotice(null);
    setResult(null);
    try {
      await yieldToBrowser();
      const got = await read();
      if (got.workbook !== undefined) {
        setWorkbook(got.workbook);
        setSheet(got.sheet ?? null);
      }
      setList(got.list);
      if (got.note) setNotice({ intent: "warning", title: "Choose a sheet", message: got.note });
    } catch (e) {
      setList(null);
      setNotice(readNotice(title, e));
    } finally {
      setReading(false);
    }
  }

  const onFile = (file: File) =>
    load(`${file.name} cannot be read`, () => readChosenFile(file));
  const onSheet = (name: string) => {
    if (!workbook) return;
    setSheet(name);
    void load(`Sheet ${name} cannot be read`, async () => ({ list: await readWorkbookSheet(workbook, name) }));
  };
  const onSelection = () =>
    load("The selection cannot be read", async () => {
      const selected = await readSelectedRange();
      return { list: listFromGrid(selected.grid, selected.firstRowNumber, selected.address), workbook: null };
    });
  const onReadPasted = () => load("The pasted text cannot be read", async () => ({ list: readPastedText(pasted), workbook: null }));

  const onMapping = (next: ColumnMapping) => {
    setMapping({ mapping: next, origin: "edited", notes: [] });
    if (!shape) return;
    rememberMapping(shape.headers, next).catch((e) =>
      setNotice({ intent: "warning", title: "The mapping is used but not remembered", message: e instanceof Error ? e.message : String(e) }),
    );
  };

  const includePartnership = partnership !== null && partnershipKey(partnership) !== props.storedKey;

  async function confirm() {
    if (!list || !preview || !partnership) return;
    setNotice(null);
    try {
      const existing = await existingSheets([...IMPORT_SHEETS, ...(includePartnership ? [SHEET.partnership] : []), ...DEPENDENT_SHEETS]);
      setDependents(existing.filter((n) => DEPENDENT_SHEETS.includes(n)));
      const replaced = existing.filter((n) => !DEPENDENT_SHEETS.includes(n));
      if (replaced.length > 0) setReplace(replaced);
      else await write();
    } catch (e) {
      setNotice(readNotice("The workbook cannot be read", e));
    }
  }

  async function write() {
    if (!list || !shape || !preview || !partnership || !mapping) return;
    setReplace([]);
    setProgress(undefined);
    const include = includePartnership;
    try {
      await yieldToBrowser();
      const input = importInput(list, shape, preview, partnership, include);
      // What the workbook holds beside the posts goes into the same write, so nothing is left reading a deleted sheet.
      const keeps = await readWorkbookKeeps(partnership);
      const plan = await keepingPlan(input, keeps);
      setProgress(0);
      await yieldToBrowser();
      await writePlan(plan.plan, { onProgress: (done, total) => setProgress(done / total) });
      if (include) props.onPartnershipWritten(partnership);
      setResult({
        summary: preview.result.summary,
        written: { source: list.source, posts: preview.result.validation.posts.length, rejectedRows: preview.rejectedRows, partnership: include, kept: keptLines(keeps, plan) },
      });
      try {
        await rememberMapping(shape.headers, mapping.mapping);
      } catch (e) {
        setNotice({ intent: "warning", title: "Imported, but the mapping is not remembered", message: e instanceof Error ? e.message : String(e) });
      }
    } catch (e) {
      setNotice(errorNotice("The import was not written", e, "The workbook was put back as it was before the import. Try again; if it keeps failing, close and reopen the add-in."));
    } finally {
      setProgress(null);
    }
  }

  const again = () => {
    setResult(null);
    setList(null);
    setWorkbook(null);
    setSheet(null);
  };

  if (!partnership) {
    return (
      <section className={s.root} aria-label="Import">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Set up the partnership first</MessageBarTitle>
            The import checks each post against the partnership&apos;s authorities and costs it for its financial year.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onGoToPartnership}>
              Go to Partnership
            </Button>
          </MessageBarActions>
        </MessageBar>
      </section>
    );
  }

  const used = mapping ? Object.keys(mapping.mapping.fields).length + Object.keys(mapping.mapping.shares).length + Object.keys(mapping.mapping.baselines).length : 0;
  const mappingStatus = !mapping
    ? ""
    : mapping.origin === "remembered"
      ? "as remembered in this workbook"
      : mapping.origin === "edited"
        ? "as you set them"
        : `${used} of ${shape?.headers.length ?? 0} matched by header`;

  return (
    <section className={s.root} aria-label="Import">
      <SourcePicker
        kind={kind}
        busy={busy}
        canReadSelection={props.canWrite}
        workbook={workbook}
        sheet={sheet}
        pasted={pasted}
        onKind={setKind}
        onFile={onFile}
        onSheet={onSheet}
        onSelection={onSelection}
        onPasted={setPasted}
        onReadPasted={onReadPasted}
      />
      {reading && <Spinner size="tiny" label="Reading…" />}
      {notice && <NoticeBar notice={notice} />}
      {list && shape && !result && (
        <Caption1 className={s.muted} aria-live="polite">
          {list.source}: {plural(shape.records, "row")} under the header
          {shape.headerRow > 0 ? ` (headers in row ${list.firstRowNumber + shape.headerRow})` : ""}
        </Caption1>
      )}
      {list && shape && mapping && !result && (
        <Accordion collapsible openItems={mappingOpen} onToggle={(_, d) => setMappingOpen(d.openItems as string[])}>
          <AccordionItem value="mapping">
            <AccordionHeader size="small">Columns: {mappingStatus}</AccordionHeader>
            <AccordionPanel>
              <MappingEditor headers={shape.headers} authorities={partnership.authorities} mapping={mapping.mapping} disabled={busy} onChange={onMapping} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {list && mapping && !result && mapping.notes.map((n, i) => <Caption1 key={i}>{n}</Caption1>)}
      {list && !result && mappingProblems.length > 0 && (
        <NoticeBar notice={{ intent: "warning", title: "Map the columns to check the list", message: mappingProblems.join("\n") }} />
      )}
      {previewNotice && !result && <NoticeBar notice={previewNotice} />}
      {checking && <Spinner size="tiny" label="Checking every row…" />}
      {list && preview && !result && !writing && <PreviewPanel list={list} preview={preview} busy={busy} onConfirm={() => void confirm()} />}
      {writing && (
        <Field label="Writing to the workbook…" validationState="none" hint={progress === undefined ? "Preparing the sheets" : `${Math.round((progress ?? 0) * 100)}%`}>
          <ProgressBar value={progress ?? undefined} max={1} aria-label="Writing to the workbook" />
        </Field>
      )}
      {result && <ResultPanel summary={result.summary} written={result.written} onAgain={again} />}
      {!result && !list && !reading && (
        <Text className={s.muted}>
          Nothing is written until you have seen the preview and confirmed. Rejected rows are kept on the {SHEET.issues} sheet.
        </Text>
      )}
      <ReplaceDialog sheets={replace} dependents={dependents} onReplace={() => void write()} onCancel={() => setReplace([])} />
    </section>
  );
}
