import * as React from "react";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { plural } from "./format";

/** Most problems listed in the pane; the sheets and files keep them all. */
export const LIST_LIMIT = 200;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    overflowWrap: "anywhere",
  },
});

export interface ProblemListProps {
  problems: readonly { row: number; column?: string | null; message: string }[];
  /** The list's accessible name. */
  label: string;
}

/** Problems by source row (and column), each with what to do; long lists end with a count. */
export function ProblemList({ problems, label }: ProblemListProps) {
  const s = useStyles();
  return (
    <>
      <ul className={s.list} aria-label={label}>
        {problems.slice(0, LIST_LIMIT).map((p, i) => (
          <li key={i} className={s.item}>
            <Text weight="semibold">
              Row {p.row}
              {p.column ? ` · ${p.column}` : ""}
            </Text>
            <Text>{p.message}</Text>
          </li>
        ))}
      </ul>
      {problems.length > LIST_LIMIT && <Caption1>…and {plural(problems.length - LIST_LIMIT, "more problem")}.</Caption1>}
    </>
  );
}
