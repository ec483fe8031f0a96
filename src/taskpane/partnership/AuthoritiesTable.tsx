import * as React from "react";
import { Button, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { AuthorityRow } from "./partnershipForm";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  code: { width: "64px" },
  rate: { width: "68px" },
  remove: { width: "32px" },
  td: { paddingBottom: tokens.spacingVerticalXS, paddingRight: tokens.spacingHorizontalXS, verticalAlign: "top" },
  input: { width: "100%", minWidth: 0 },
  removeButton: { minWidth: 0, width: "28px", paddingLeft: 0, paddingRight: 0 },
});

export interface AuthoritiesTableProps {
  rows: AuthorityRow[];
  invalidRates: Record<number, string>;
  showErrors: boolean;
  disabled: boolean;
  describedBy: string;
  onChange(key: number, change: Partial<AuthorityRow>): void;
  onRemove(key: number): void;
}

/** The partnership's authorities: code, name and employer pension rate (%), one row each. */
export function AuthoritiesTable(props: AuthoritiesTableProps) {
  const s = useStyles();
  const canRemove = props.rows.length > 2;
  return (
    <table className={s.table} aria-label="Authorities">
      <thead>
        <tr>
          <th scope="col" className={`${s.th} ${s.code}`}>Code</th>
          <th scope="col" className={s.th}>Name</th>
          <th scope="col" className={`${s.th} ${s.rate}`}>Pension %</th>
          <th scope="col" className={`${s.th} ${s.remove}`}>
            <span style={{ position: "absolute", left: -10000 }}>Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => {
          const n = i + 1;
          const who = row.code.trim() || `authority ${n}`;
          const badRate = props.showErrors && props.invalidRates[row.key] !== undefined;
          return (
            <tr key={row.key}>
              <td className={s.td}>
                <Input
                  className={s.input}
                  size="small"
                  aria-label={`Code of authority ${n}`}
                  value={row.code}
                  disabled={props.disabled}
                  maxLength={16}
                  onChange={(_, d) => props.onChange(row.key, { code: d.value })}
                />
              </td>
              <td className={s.td}>
                <Input
                  className={s.input}
                  size="small"
                  aria-label={`Name of authority ${n}`}
                  value={row.name}
                  disabled={props.disabled}
                  onChange={(_, d) => props.onChange(row.key, { name: d.value })}
                />
              </td>
              <td className={s.td}>
                <Input
                  className={s.input}
                  size="small"
                  inputMode="decimal"
                  aria-label={`Employer pension rate of authority ${n}, percent`}
                  aria-invalid={badRate}
                  aria-describedby={badRate ? props.describedBy : undefined}
                  value={row.pensionPercent}
                  disabled={props.disabled}
                  onChange={(_, d) => props.onChange(row.key, { pensionPercent: d.value })}
                />
              </td>
              <td className={s.td}>
                <Button
                  className={s.removeButton}
                  size="small"
                  appearance="subtle"
                  aria-label={`Remove ${who}`}
                  title={canRemove ? `Remove ${who}` : "A partnership needs at least two authorities"}
                  disabled={props.disabled || !canRemove}
                  onClick={() => props.onRemove(row.key)}
                >
                  ✕
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
