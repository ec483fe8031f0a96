import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AuthorityTotals, PostListSummary } from "../../postlist/index";
import { SHEET, TABLE } from "../../workbook/index";
import { money, plural } from "../common/format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  card: {
    width: "100%",
    borderCollapse: "collapse",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
  th: { textAlign: "left", fontWeight: tokens.fontWeightRegular, padding: `2px ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2 },
  td: { textAlign: "right", padding: `2px ${tokens.spacingHorizontalS}`, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  saving: { fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
});

export interface Written {
  source: string;
  posts: number;
  rejectedRows: number;
  partnership: boolean;
  /** The true-up, register, report and Method figures written again as they were (keptLines). */
  kept: string[];
}

function Figures({ label, totals }: { label: string; totals: AuthorityTotals }) {
  const s = useStyles();
  const rows: [string, number][] = [
    ["Share of joint posts", totals.jointCostShare],
    ["Single posts", totals.singlePostCost],
    ["Baseline", totals.baseline],
    ["Saving", totals.saving],
  ];
  return (
    <table className={s.card} aria-label={label}>
      <caption className={s.caption}>{label}</caption>
      <tbody>
        {rows.map(([name, pence]) => (
          <tr key={name} className={name === "Saving" ? s.saving : undefined}>
            <th scope="row" className={s.th}>
              {name}
            </th>
            <td className={s.td}>{money(pence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After an import: where it was written and the per-council summary. */
export function ResultPanel({ summary, written, onAgain }: { summary: PostListSummary; written: Written; onAgain(): void }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-label="Import result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Imported</MessageBarTitle>
          {plural(written.posts, "post")} from {written.source}.
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold">Written to</Text>
      <ul className={s.list} aria-label="Written to">
        <li>
          {SHEET.posts}: table {TABLE.posts}, {plural(written.posts, "post")}, costs as live JW formulas
        </li>
        <li>{SHEET.summary}: savings per council with a chart (now shown)</li>
        <li>
          {SHEET.issues}: {plural(written.rejectedRows, "rejected row")} with reasons
        </li>
        {written.partnership && <li>{SHEET.partnership}: the partnership and its named ranges</li>}
        {written.kept.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Subtitle2 as="h3" className={s.heading}>
        Savings {summary.year}
      </Subtitle2>
      {summary.authorities.map((a) => (
        <Figures key={a.code} label={`${a.code} · ${a.name}`} totals={a} />
      ))}
      <Figures label="All councils" totals={summary.total} />
      <Text>{summary.noWorse ? "No council is worse off." : "A council is worse off (its saving is below zero): check the splits and baselines."}</Text>
      {summary.payVotes.length > 0 && (
        <Text>{plural(summary.payVotes.length, "post")} with a salary package of £100,000 or more need a Full Council pay vote.</Text>
      )}
      <Button onClick={onAgain}>Import another list</Button>
    </section>
  );
}
