import * as React from "react";
import { Caption1, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { type Authority, type Cell, type ColumnMapping, type PostField, FIELD_LABELS, POST_FIELDS, REQUIRED_FIELDS, cellText } from "../../postlist/index";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "minmax(96px, 40%) 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  label: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  required: { color: tokens.colorPaletteRedForeground1 },
  select: { minWidth: 0 },
});

type Target = { kind: "field"; field: PostField } | { kind: "share" | "baseline"; code: string };

function columnOf(mapping: ColumnMapping, t: Target): number | undefined {
  if (t.kind === "field") return mapping.fields[t.field];
  return (t.kind === "share" ? mapping.shares : mapping.baselines)[t.code];
}

function withColumn(mapping: ColumnMapping, t: Target, column: number | undefined): ColumnMapping {
  const next: ColumnMapping = { fields: { ...mapping.fields }, shares: { ...mapping.shares }, baselines: { ...mapping.baselines } };
  const target: Record<string, number | undefined> = t.kind === "field" ? next.fields : t.kind === "share" ? next.shares : next.baselines;
  const key = t.kind === "field" ? t.field : t.code;
  if (column === undefined) delete target[key];
  else target[key] = column;
  return next;
}

/** Option labels: each header, with its column number where two headers read the same. */
export function columnLabels(headers: readonly Cell[]): string[] {
  const texts = headers.map((h) => cellText(h).trim());
  return texts.map((t, i) => {
    if (t === "") return `(blank header, column ${i + 1})`;
    return texts.indexOf(t) !== texts.lastIndexOf(t) ? `${t} (column ${i + 1})` : t;
  });
}

export interface MappingEditorProps {
  headers: readonly Cell[];
  authorities: readonly Authority[];
  mapping: ColumnMapping;
  disabled: boolean;
  onChange(mapping: ColumnMapping): void;
}

/** One dropdown per field of a post list: which column of the file holds it. */
export function MappingEditor(props: MappingEditorProps) {
  const s = useStyles();
  const base = useId("map");
  const labels = columnLabels(props.headers);
  const targets: { target: Target; label: string; required: boolean }[] = [
    ...POST_FIELDS.map((field) => ({ target: { kind: "field", field } as Target, label: FIELD_LABELS[field], required: REQUIRED_FIELDS.includes(field) })),
    ...props.authorities.map((a) => ({ target: { kind: "share", code: a.code } as Target, label: `Share ${a.code}`, required: false })),
    ...props.authorities.map((a) => ({ target: { kind: "baseline", code: a.code } as Target, label: `Baseline ${a.code}`, required: false })),
  ];
  return (
    <div className={s.grid} role="group" aria-label="Column mapping">
      {targets.map(({ target, label, required }, i) => {
        const id = `${base}-${i}`;
        const column = columnOf(props.mapping, target);
        return (
          <React.Fragment key={id}>
            <div className={s.label}>
              <label htmlFor={id}>{label}</label>
              {required && (
                <span className={s.required} aria-hidden="true">
                  {" "}*
                </span>
              )}
            </div>
            <Select
              id={id}
              className={s.select}
              size="small"
              aria-required={required}
              value={column === undefined ? "" : String(column)}
              disabled={props.disabled}
              onChange={(_, d) => props.onChange(withColumn(props.mapping, target, d.value === "" ? undefined : Number(d.value)))}
            >
              <option value="">— not in the list —</option>
              {labels.map((text, c) => (
                <option key={c} value={String(c)}>
                  {text}
                </option>
              ))}
            </Select>
          </React.Fragment>
        );
      })}
      <Caption1 style={{ gridColumn: "1 / -1" }}>* needed for every post. A joint post needs a Split column or a share column per authority.</Caption1>
    </div>
  );
}
