import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Partnership } from "../../postlist/index";
import { consolidatedBenefits, consolidatedSummary, type Consolidation, type FileReport } from "../../templates/index";
import { BENEFIT_SHEET, SHEET } from "../../workbook/index";
import { money, plural } from "../common/format";
import { ProblemList } from "./CheckResults";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  text: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  table: { borderCollapse: "collapse", width: "100%" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: `2px ${tokens.spacingHorizontalS}` },
  td: { textAlign: "right", padding: `2px ${tokens.spacingHorizontalS}`, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

const INTENT: Record<FileReport["status"], "success" | "warning" | "error" | "info"> = { taken: "success", partly: "warning", refused: "error", nothing: "info" };

function FileResult({ report }: { report: FileReport }) {
  const s = useStyles();
  return (
    <section className={s.file} aria-label={`Return ${report.file}`}>
      <MessageBar intent={INTENT[report.status]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{report.file}</MessageBarTitle>
          <span className={s.text}>{report.summary}</span>
        </MessageBarBody>
      </MessageBar>
      {report.refusals.slice(report.status === "refused" ? 1 : 0).map((r) => (
        <Text key={r} className={s.text}>
          {r}
        </Text>
      ))}
      {report.problems.length > 0 && <ProblemList problems={report.problems} label={`Rejected in ${report.file}`} limit={20} />}
      {report.notes.map((n) => (
        <Text key={n} className={s.muted}>
          {n}
        </Text>
      ))}
    </section>
  );
}

/** What a consolidation took and rejected, per file, and the combined savings per council. */
export function ConsolidateReport({ consolidation, written }: { consolidation: Consolidation; written: boolean }) {
  const s = useStyles();
  const p: Partnership | null = consolidation.partnership;
  const summary = written && p ? consolidatedSummary(consolidation.posts, p) : null;
  // With a register, each council's other benefits beside its post saving, as the Summary shows them.
  const benefits = summary ? consolidatedBenefits(consolidation) : null;
  return (
    <div className={s.root} aria-label="Consolidation report">
      {written ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Consolidated</MessageBarTitle>
            {plural(consolidation.added.length, "post")} added to {SHEET.posts} (now {plural(consolidation.posts.length, "post")})
            {consolidation.addedBenefits.length > 0 ? `; ${plural(consolidation.addedBenefits.length, "other benefit")} added to ${BENEFIT_SHEET.benefits}` : ""}
            {consolidation.addedOutturns.length > 0 ? `; ${plural(consolidation.addedOutturns.length, "actual cost")} added to ${SHEET.outturn}, and ${SHEET.trueUp} worked out again` : ""}; {SHEET.summary} is up to date
            {consolidation.rejected.length > 0 ? `, and ${SHEET.issues} lists ${plural(consolidation.rejected.length, "rejected row")}` : ""}
            {consolidation.rejectedBenefits.length > 0 ? `, ${BENEFIT_SHEET.issues} ${plural(consolidation.rejectedBenefits.length, "rejected benefit row")}` : ""}.
            {consolidation.partnershipFromReturns ? ` The workbook had no partnership: the returns' was written to ${SHEET.partnership}.` : ""}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing added</MessageBarTitle>
            No return had a post, benefit or actual cost that could be taken, so the workbook was not changed.
          </MessageBarBody>
        </MessageBar>
      )}
      {consolidation.reports.map((r) => (
        <FileResult key={r.file} report={r} />
      ))}
      {summary && (
        <table className={s.table} aria-label="Savings per council">
          <caption className={s.th}>Savings per council, {summary.year}</caption>
          {benefits && (
            <thead>
              <tr>
                <td />
                <th scope="col" className={s.th}>
                  Post saving
                </th>
                <th scope="col" className={s.th}>
                  Other benefits
                </th>
              </tr>
            </thead>
          )}
          <tbody>
            {summary.authorities.map((a, k) => (
              <tr key={a.code}>
                <th scope="row" className={s.th}>
                  {a.code}
                </th>
                <td className={s.td}>{money(a.saving)}</td>
                {benefits && <td className={s.td}>{money(benefits.otherBenefits[k])}</td>}
              </tr>
            ))}
            <tr>
              <th scope="row" className={s.th}>
                Total
              </th>
              <td className={s.td}>{money(summary.total.saving)}</td>
              {benefits && <td className={s.td}>{money(benefits.otherBenefits.reduce((x, y) => x + y, 0))}</td>}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
