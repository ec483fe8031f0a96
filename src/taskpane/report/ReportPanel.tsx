import * as React from "react";
import { Button, Caption1, Divider, Spinner, Subtitle2, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Partnership } from "../../postlist/index";
import type { BenefitValidation } from "../../benefits/index";
import { previousFromWorkbook, type PreviousFigures } from "../../workbook/report";
import { writeAnnualReport } from "../../excel/annualReport";
import { readSelectedRange } from "../../excel/selection";
import { type Notice, NoticeBar, errorNotice } from "../common/ErrorBar";
import { plural } from "../common/format";
import { type LoadedRegister, checkRegister, newRegister, registerFromFile, registerFromText } from "./benefitsRegister";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export interface ReportPanelProps {
  partnership: Partnership | null;
  canWrite: boolean;
}

/**
 * "Annual report": import a benefits register (optional), give last year's report (optional),
 * and write or refresh JW Report; what officers typed in the report is kept.
 */
export function ReportPanel({ partnership, canWrite }: ReportPanelProps) {
  const s = useStyles();
  const [register, setRegister] = React.useState<{ loaded: LoadedRegister; checked: BenefitValidation } | null>(null);
  const [previous, setPrevious] = React.useState<PreviousFigures | null>(null);
  const [pasted, setPasted] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const registerInput = React.useRef<HTMLInputElement>(null);
  const previousInput = React.useRef<HTMLInputElement>(null);

  async function load(read: () => Promise<LoadedRegister> | LoadedRegister) {
    if (!partnership) return;
    setNotice(null);
    try {
      const loaded = await read();
      setRegister({ loaded, checked: checkRegister(loaded, partnership) });
    } catch (e) {
      setRegister(null);
      setNotice(errorNotice("The benefits register cannot be read", e));
    }
  }

  async function write() {
    if (!partnership) return;
    setBusy(true);
    setNotice(null);
    try {
      const done = await writeAnnualReport(partnership, { register: register ? newRegister(register.loaded, register.checked) : null, previous });
      setNotice({
        intent: "success",
        title: "Annual report written",
        message: `JW Report for ${partnership.year.label}: ${plural(done.posts, "post")}, ${plural(done.benefits, "other benefit")}.${done.keptAssessments + done.keptObjectives > 0 ? `\nKept from the report it replaced: ${plural(done.keptAssessments, "principle assessment")} and ${plural(done.keptObjectives, "objective")}.` : ""}`,
      });
    } catch (e) {
      setNotice(errorNotice("The report was not written", e, "The workbook was left as it was."));
    } finally {
      setBusy(false);
    }
  }

  if (!partnership) {
    return <NoticeBar notice={{ intent: "warning", title: "No partnership yet", message: "Set the partnership up on the Partnership tab and import the post list first." }} />;
  }
  const rejectedRows = register ? new Set(register.checked.rejected.map((p) => p.row)).size : 0;
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="benefits-heading">
        <Subtitle2 id="benefits-heading">Other benefits (optional)</Subtitle2>
        <Caption1 className={s.muted}>Columns: Benefit, Kind, Amount, Share {partnership.authorities.map((a) => a.code).join(", Share ")}, Start, End, Cashable, Evidence. Without one, the benefits already on JW Benefits are used.</Caption1>
        <div className={s.row}>
          <Button disabled={busy} onClick={() => registerInput.current?.click()}>
            Choose a file…
          </Button>
          <Button disabled={busy || !canWrite} onClick={() => void load(async () => {
            const sel = await readSelectedRange();
            return { grid: sel.grid, firstRowNumber: sel.firstRowNumber, source: sel.address };
          })}>
            Use the selection
          </Button>
        </div>
        <input
          ref={registerInput}
          className={s.hidden}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          aria-label="Benefits register file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void load(() => registerFromFile(file));
          }}
        />
        <Textarea aria-label="Paste the benefits register" placeholder="…or paste it here" value={pasted} onChange={(_, d) => setPasted(d.value)} resize="vertical" />
        <div className={s.row}>
          <Button disabled={busy || pasted.trim() === ""} onClick={() => void load(() => registerFromText(pasted))}>
            Read pasted text
          </Button>
        </div>
        {register && (
          <>
            <Text>
              {register.loaded.source}: {plural(register.checked.benefits.length, "benefit")} accepted, {plural(rejectedRows, "row")} rejected.
            </Text>
            {register.checked.rejected.length > 0 && (
              <ul className={s.problems} aria-label="Rejected benefit rows">
                {register.checked.rejected.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    Row {p.row}
                    {p.column ? `, ${p.column}` : ""}: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <Divider />
      <section className={s.section} aria-labelledby="previous-heading">
        <Subtitle2 id="previous-heading">Last year (optional)</Subtitle2>
        <div className={s.row}>
          <Button disabled={busy} onClick={() => previousInput.current?.click()}>
            Last year's report or workbook…
          </Button>
          {previous && <Caption1 className={s.muted}>{previous.year ?? "Last year"}: {previous.from}</Caption1>}
        </div>
        <input
          ref={previousInput}
          className={s.hidden}
          type="file"
          accept=".xlsx"
          aria-label="Last year's report or workbook"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (!file) return;
            file
              .arrayBuffer()
              .then((b) => previousFromWorkbook(new Uint8Array(b), file.name))
              .then(setPrevious, (err) => {
                setPrevious(null);
                setNotice(errorNotice("Last year's figures cannot be read", err));
              });
          }}
        />
      </section>
      <Divider />
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || !canWrite} onClick={() => void write()}>
          Write annual report
        </Button>
        {busy && <Spinner size="tiny" label="Writing…" />}
      </div>
      <Caption1 className={s.muted}>Writes JW Report and refreshes JW Summary and JW Benefits from JW Posts; assessments, commentary and objectives typed in the report are kept.</Caption1>
      {notice && <NoticeBar notice={notice} />}
    </div>
  );
}

export default ReportPanel;
