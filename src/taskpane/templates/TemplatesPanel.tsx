import * as React from "react";
import { Button, Caption1, Checkbox, Divider, Field, SpinButton, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RuleError } from "../../core/errors";
import type { Partnership } from "../../postlist/index";
import { DEFAULT_BENEFIT_ROWS, DEFAULT_POST_ROWS, MAX_BENEFIT_ROWS, MAX_POST_ROWS, type TemplateProblem } from "../../templates/index";
import { readWorkbookKeeps } from "../../excel/workbookKeeps";
import { readStoredPartnership } from "../../excel/partnershipStore";
import { addTemplateSheet, checkWorkbookTemplates, selectCell, type SheetCheck } from "../../excel/templateSheets";
import { consolidateIntoWorkbook, readExistingPosts, type ConsolidateResult } from "../../excel/consolidateReturns";
import type { PlannedBenefit, PlannedPost } from "../../workbook/index";
import { type Notice, NoticeBar, errorNotice } from "../common/ErrorBar";
import { plural } from "../common/format";
import { yieldToBrowser } from "../common/yieldToBrowser";
import { CheckResults } from "./CheckResults";
import { ConsolidateReport } from "./ConsolidateReport";
import { offerDownload, templateFile, templateFileName } from "./download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export interface TemplatesPanelProps {
  /** The partnership to use; read from the workbook when not given. */
  partnership?: Partnership | null;
}

type Busy = "create" | "download" | "check" | "consolidate" | null;

function excelAvailable(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

const NO_PARTNERSHIP: Notice = {
  intent: "warning",
  title: "No partnership yet",
  message: "Set the partnership up on the Partnership tab and save it: a template carries the partnership it is for.",
};

/** How many rows of a kind a template has: a whole number from 1 to max. */
function RowsField(props: { label: string; value: number; max: number; disabled: boolean; onChange(rows: number): void }) {
  return (
    <Field label={props.label} hint={`1 to ${props.max}`}>
      <SpinButton
        value={props.value}
        min={1}
        max={props.max}
        disabled={props.disabled}
        onChange={(_, d) => {
          const v = d.value ?? Number(d.displayValue);
          if (Number.isInteger(v) && v >= 1 && v <= props.max) props.onChange(v);
        }}
      />
    </Field>
  );
}

/**
 * Budget-holder templates: send a costing template (a new sheet, or a file to download), check
 * the template sheets of the open workbook, and consolidate returned templates into JW Posts.
 */
export function TemplatesPanel(props: TemplatesPanelProps) {
  const s = useStyles();
  const canWrite = excelAvailable();
  const [postRows, setPostRows] = React.useState(DEFAULT_POST_ROWS);
  const [benefitRows, setBenefitRows] = React.useState(DEFAULT_BENEFIT_ROWS);
  const [prefill, setPrefill] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [sendNotice, setSendNotice] = React.useState<Notice | null>(null);
  const [checkNotice, setCheckNotice] = React.useState<Notice | null>(null);
  const [checks, setChecks] = React.useState<SheetCheck[] | null>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [step, setStep] = React.useState("");
  const [consolidateNotice, setConsolidateNotice] = React.useState<Notice | null>(null);
  const [result, setResult] = React.useState<ConsolidateResult | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  /** The partnership now: the one given, else the workbook's (read afresh, it may have been saved since). */
  async function partnershipNow(): Promise<Partnership | null> {
    if (props.partnership !== undefined && props.partnership !== null) return props.partnership;
    if (!canWrite) return null;
    return readStoredPartnership();
  }

  async function run(which: Busy, setNotice: (n: Notice | null) => void, title: string, work: () => Promise<void>) {
    setBusy(which);
    setNotice(null);
    try {
      await yieldToBrowser();
      await work();
    } catch (e) {
      setNotice(errorNotice(title, e, e instanceof RuleError ? "" : "The workbook was left as it was. Try again; if it keeps failing, close and reopen the add-in."));
    } finally {
      setBusy(null);
      setStep("");
    }
  }

  /**
   * The posts and benefits to pre-fill (the JW Posts and JW Benefits tables', with dates inside
   * the year) and the rows that hold the posts: at least the chosen number, more when the table
   * has more posts.
   */
  async function prefilled(p: Partnership): Promise<{ posts: PlannedPost[]; benefits: PlannedBenefit[]; rows: number; left: number }> {
    if (!prefill) return { posts: [], benefits: [], rows: postRows, left: 0 };
    const all = await readExistingPosts(p);
    if (all.length === 0) throw new RuleError("invalid", "The JW Posts table is empty or missing: import a post list first, or untick “Pre-fill with the posts in JW Posts”.");
    const inYear = <T extends { start: number | null; end: number | null }>(x: T) => (x.start === null || x.start <= p.year.last) && (x.end === null || x.end >= p.year.first);
    const posts = all.filter(inYear).slice(0, MAX_POST_ROWS);
    const register = (await readWorkbookKeeps(p)).benefits ?? [];
    const benefits = register.filter(inYear).slice(0, MAX_BENEFIT_ROWS);
    return { posts, benefits, rows: Math.max(postRows, posts.length), left: all.length - posts.length + register.length - benefits.length };
  }

  const leftOut = (left: number) => (left > 0 ? `\n${plural(left, "row")} of JW Posts or JW Benefits ${left === 1 ? "was" : "were"} left out (dates outside the year, or past the template's rows).` : "");

  const create = () =>
    run("create", setSendNotice, "The template was not added", async () => {
      const p = await partnershipNow();
      if (!p) return setSendNotice(NO_PARTNERSHIP);
      const { posts, benefits, rows, left } = await prefilled(p);
      const added = await addTemplateSheet(p, { postRows: rows, posts, benefits, benefitRows: Math.max(benefitRows, benefits.length) });
      const missing = [added.validated ? "" : "data validation", added.protected ? "" : "sheet protection"].filter(Boolean);
      setSendNotice({
        intent: missing.length ? "warning" : "success",
        title: `Added “${added.sheet}”`,
        message: `A costing template for ${p.authorities.map((a) => a.code).join(", ")}, ${p.year.label}, with ${plural(rows, "post row")}${posts.length ? `, ${posts.length} pre-filled from JW Posts` : ""}${benefits.length ? `, ${plural(benefits.length, "benefit")} from JW Benefits` : ""}. Move or copy the sheet (with JW Method) to a new workbook to send it.${missing.length ? `\nThis Excel cannot add ${missing.join(" or ")}: check returns with “Check workbook”.` : ""}${leftOut(left)}`,
      });
    });

  const download = () =>
    run("download", setSendNotice, "The template was not built", async () => {
      const p = await partnershipNow();
      if (!p) return setSendNotice(NO_PARTNERSHIP);
      const { posts, benefits, rows, left } = await prefilled(p);
      const blob = await templateFile(p, { postRows: rows, posts, benefits, benefitRows: Math.max(benefitRows, benefits.length) });
      const name = templateFileName(p);
      offerDownload(blob, name);
      setSendNotice({
        intent: "success",
        title: "Template ready",
        message: `${name} (${Math.ceil(blob.size / 1024)} KB${posts.length ? `, ${posts.length} posts pre-filled` : ""}) is downloading: send it to each budget holder.${leftOut(left)}`,
      });
    });

  const check = () =>
    run("check", setCheckNotice, "The workbook was not checked", async () => {
      let p: Partnership | null = null;
      try {
        p = await partnershipNow();
      } catch {
        p = null; // an unreadable partnership sheet: templates are checked against their own
      }
      setChecks(await checkWorkbookTemplates(p));
    });

  const goTo = (problem: TemplateProblem) => {
    void selectCell(problem.sheet, problem.cell).catch((e) => setCheckNotice(errorNotice(`Cannot select ${problem.cell}`, e)));
  };

  const consolidate = () =>
    run("consolidate", setConsolidateNotice, "Nothing was consolidated", async () => {
      setResult(null);
      const p = await partnershipNow();
      const uploads = [];
      for (const f of files) uploads.push({ name: f.name, bytes: await f.arrayBuffer() });
      const r = await consolidateIntoWorkbook(uploads, p, { onStep: setStep });
      setResult(r);
    });

  return (
    <section className={s.root} aria-label="Templates">
      <div className={s.section}>
        <Subtitle2 as="h2">Send a costing template</Subtitle2>
        <Text>
          Budget holders fill in the yellow cells of a template, one row per post (and one per other benefit; at year end, each post's actual cost), and send it back. The template carries the partnership and computes every figure in
          any Excel or LibreOffice, without the add-in.
        </Text>
        <RowsField label="Post rows" value={postRows} max={MAX_POST_ROWS} disabled={busy !== null} onChange={setPostRows} />
        <RowsField label="Other-benefit rows" value={benefitRows} max={MAX_BENEFIT_ROWS} disabled={busy !== null} onChange={setBenefitRows} />
        <Checkbox
          checked={prefill}
          disabled={busy !== null || !canWrite}
          label="Pre-fill with the posts in JW Posts and the benefits in JW Benefits (budget holders update rather than retype, and add actual costs at year end)"
          onChange={(_, d) => setPrefill(d.checked === true)}
        />
        <div className={s.row}>
          <Button appearance="primary" disabled={busy !== null || !canWrite} onClick={() => void create()}>
            New costing template
          </Button>
          <Button disabled={busy !== null} onClick={() => void download()}>
            Download template
          </Button>
          {(busy === "create" || busy === "download") && <Spinner size="tiny" label="Building…" />}
        </div>
        {sendNotice && <NoticeBar notice={sendNotice} />}
      </div>

      <Divider />
      <div className={s.section}>
        <Subtitle2 as="h2">Check workbook</Subtitle2>
        <Text>Finds every template sheet in this workbook and lists each problem, with a button that takes you to the cell.</Text>
        <div className={s.row}>
          <Button disabled={busy !== null || !canWrite} onClick={() => void check()}>
            Check workbook
          </Button>
          {busy === "check" && <Spinner size="tiny" label="Checking…" />}
        </div>
        {checkNotice && <NoticeBar notice={checkNotice} />}
        {checks && <CheckResults checks={checks} onSelect={goTo} />}
      </div>

      <Divider />
      <div className={s.section}>
        <Subtitle2 as="h2">Consolidate returns</Subtitle2>
        <Text>
          Choose the returned templates (.xlsx, several at once). Only the typed values are read. Good posts are added to the JW Posts table with the file they came from
          (a post already there, by Post ID, is not added twice), other benefits to JW Benefits, and actual costs to JW Outturn, with the true-up worked out again.
        </Text>
        <div className={s.row}>
          <Button disabled={busy !== null} onClick={() => fileInput.current?.click()}>
            Choose returns…
          </Button>
          <Caption1 className={s.muted}>{files.length === 0 ? "No files chosen" : files.map((f) => f.name).join(", ")}</Caption1>
        </div>
        <input
          ref={fileInput}
          className={s.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Returned templates"
          onChange={(e) => {
            const chosen = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = "";
            setFiles(chosen);
            setResult(null);
          }}
        />
        <div className={s.row}>
          <Button appearance="primary" disabled={busy !== null || files.length === 0 || !canWrite} onClick={() => void consolidate()}>
            Consolidate returns
          </Button>
          {busy === "consolidate" && <Spinner size="tiny" label={step || "Working…"} />}
        </div>
        {consolidateNotice && <NoticeBar notice={consolidateNotice} />}
        {result && <ConsolidateReport consolidation={result.consolidation} written={result.written} />}
      </div>
    </section>
  );
}

export default TemplatesPanel;
