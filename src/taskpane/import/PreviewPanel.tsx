import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SHEET } from "../../workbook/index";
import { plural } from "../common/format";
import { LIST_LIMIT, ProblemList } from "../common/ProblemList";
import type { LoadedList, Preview } from "./postList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  post: { display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

export interface PreviewPanelProps {
  list: LoadedList;
  preview: Preview;
  busy: boolean;
  onConfirm(): void;
}

/** What the import would do, before anything is written: counts, every problem by row and column, the accepted posts. */
export function PreviewPanel({ list, preview, busy, onConfirm }: PreviewPanelProps) {
  const s = useStyles();
  const { posts, rejected } = preview.result.validation;
  return (
    <section className={s.root} aria-label="Preview">
      <Subtitle2 as="h3" className={s.heading}>
        Preview
      </Subtitle2>
      <div className={s.counts} aria-label="Counts">
        <Badge appearance="tint" color="success" size="large">
          {plural(posts.length, "row")} accepted
        </Badge>
        <Badge appearance="tint" color={preview.rejectedRows > 0 ? "danger" : "informative"} size="large">
          {plural(preview.rejectedRows, "row")} rejected
        </Badge>
      </div>
      {rejected.length > 0 && (
        <>
          <Text weight="semibold">Problems in {list.source}</Text>
          <ProblemList problems={rejected} label="Problems" />
          <Caption1 className={s.muted}>
            Rejected rows go to the {SHEET.issues} sheet with their reasons: correct them in the file and import it again.
          </Caption1>
        </>
      )}
      {posts.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="accepted">
            <AccordionHeader size="small">Accepted posts ({posts.length.toLocaleString("en-GB")})</AccordionHeader>
            <AccordionPanel>
              <ul className={s.list} aria-label="Accepted posts">
                {posts.slice(0, LIST_LIMIT).map((p) => (
                  <li key={`${p.row}`} className={s.post}>
                    <Text>
                      Row {p.row} · {p.title}
                    </Text>
                    <Caption1 className={s.muted}>
                      {p.joint ? "Joint" : "Single"} · {p.home}
                    </Caption1>
                  </li>
                ))}
              </ul>
              {posts.length > LIST_LIMIT && <Caption1>…and {plural(posts.length - LIST_LIMIT, "more post")}.</Caption1>}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <Caption1 className={s.muted}>Nothing has been written yet.</Caption1>
      <Button appearance="primary" disabled={busy || posts.length === 0} onClick={onConfirm}>
        {posts.length === 0 ? "No row can be imported" : `Confirm: write ${plural(posts.length, "post")}`}
      </Button>
    </section>
  );
}
