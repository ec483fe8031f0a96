import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetCheck } from "../../excel/templateSheets";
import type { TemplateCheck, TemplateProblem } from "../../templates/index";
import { plural } from "../common/format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  text: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Problems of one sheet, each with a button that selects its cell. */
/** "3 posts, 1 other benefit and 2 actual costs": what a return would give, from version 4 on. */
function ready(check: TemplateCheck): string {
  const parts = [plural(check.posts.length, "post")];
  if (check.benefits.length > 0) parts.push(plural(check.benefits.length, "other benefit"));
  if (check.outturns.length > 0) parts.push(plural(check.outturns.length, "actual cost"));
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export function ProblemList({ problems, onSelect, label, limit = Infinity }: { problems: readonly TemplateProblem[]; onSelect?: (p: TemplateProblem) => void; label: string; limit?: number }) {
  const s = useStyles();
  const shown = problems.slice(0, limit);
  return (
    <>
      <ul className={s.list} aria-label={label}>
        {shown.map((p) => (
          <li key={`${p.sheet}!${p.cell}:${p.what}`} className={s.item}>
            {onSelect ? (
              <Button size="small" appearance="secondary" onClick={() => onSelect(p)} aria-label={`Go to ${p.cell} on ${p.sheet}`}>
                {p.cell}
              </Button>
            ) : (
              <Text weight="semibold">{p.cell}</Text>
            )}
            <Text className={s.text}>
              <Text weight="semibold">{p.field}</Text>: {p.what}. {p.todo}
            </Text>
          </li>
        ))}
      </ul>
      {problems.length > shown.length && <Text className={s.muted}>…and {plural(problems.length - shown.length, "more problem")}.</Text>}
    </>
  );
}

/** The result of "Check workbook": every template sheet, clean or with its problems. */
export function CheckResults({ checks, onSelect }: { checks: readonly SheetCheck[]; onSelect(p: TemplateProblem): void }) {
  const s = useStyles();
  if (checks.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No template sheets</MessageBarTitle>
          This workbook has no costing template sheet. Add one with “New costing template”, or open a returned template.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={s.root} aria-label="Check results">
      {checks.map((c) => {
        if (c.reading.kind === "refused") {
          return (
            <MessageBar key={c.sheet} intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{c.sheet}: cannot be checked</MessageBarTitle>
                {c.reading.message}
              </MessageBarBody>
            </MessageBar>
          );
        }
        const check = c.check!;
        const clean = check.problems.length === 0 && !c.otherPartnership;
        return (
          <section key={c.sheet} className={s.root} aria-label={`Template ${c.sheet}`}>
            <MessageBar intent={clean ? "success" : "warning"} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{c.sheet}</MessageBarTitle>
                {c.otherPartnership && <div>{c.otherPartnership}</div>}
                {clean
                  ? check.filledRows + check.filledBenefitRows === 0
                    ? "No problems; no posts are filled in yet."
                    : `No problems: ${ready(check)} ready.`
                  : check.problems.length > 0 && `${plural(check.problems.length, "problem")} in ${plural(check.rejectedRows.length + check.rejectedBenefitRows.length, "row")}; ${ready(check)} ready.`}
              </MessageBarBody>
            </MessageBar>
            {check.problems.length > 0 && <ProblemList problems={check.problems} onSelect={onSelect} label={`Problems on ${c.sheet}`} />}
          </section>
        );
      })}
    </div>
  );
}
