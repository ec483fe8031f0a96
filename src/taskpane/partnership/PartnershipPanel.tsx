import * as React from "react";
import { Button, Caption1, Field, Input, Select, Spinner, Switch, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { SHEET } from "../../workbook/index";
import { type Notice, NoticeBar } from "../common/ErrorBar";
import { AuthoritiesTable } from "./AuthoritiesTable";
import { type AuthorityRow, type FormCheck, type Frequency, type PartnershipForm, FREQUENCIES, authorityRow } from "./partnershipForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-start" },
  half: { flex: "1 1 0", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  status: { color: tokens.colorNeutralForeground3 },
});

export interface PartnershipPanelProps {
  form: PartnershipForm;
  check: FormCheck;
  /** Whether the form matches what the workbook holds. */
  saved: boolean;
  /** Whether the workbook has a partnership sheet at all. */
  storedExists: boolean;
  loading: boolean;
  saving: boolean;
  canWrite: boolean;
  notice: Notice | null;
  onChange(form: PartnershipForm): void;
  onSave(): void;
}

/** Partnership setup: authorities, financial year, levy, recharge frequency and VAT, checked as typed. */
export function PartnershipPanel(props: PartnershipPanelProps) {
  const s = useStyles();
  const problemsId = useId("authority-problems");
  const { form, check } = props;
  const [touched, setTouched] = React.useState(false);
  const showErrors = touched || props.storedExists;
  const change = (next: Partial<PartnershipForm>) => {
    setTouched(true);
    props.onChange({ ...form, ...next });
  };
  const changeRow = (key: number, next: Partial<AuthorityRow>) => change({ authorities: form.authorities.map((r) => (r.key === key ? { ...r, ...next } : r)) });
  const rateProblems = form.authorities.flatMap((r) => (check.rates[r.key] ? [check.rates[r.key]] : []));
  const listed = showErrors ? [...check.authorities, ...rateProblems] : [];
  const disabled = props.loading || props.saving;

  if (props.loading) return <Spinner size="small" label="Reading the partnership from the workbook…" />;

  return (
    <section className={s.root} aria-label="Partnership">
      <Text>Describe the councils that share staff. The add-in keeps this on the {SHEET.partnership} sheet, where the workbook's formulas read it by name.</Text>
      <div>
        <AuthoritiesTable
          rows={form.authorities}
          invalidRates={check.rates}
          showErrors={showErrors}
          disabled={disabled}
          describedBy={problemsId}
          onChange={changeRow}
          onRemove={(key) => change({ authorities: form.authorities.filter((r) => r.key !== key) })}
        />
        <Button size="small" disabled={disabled} onClick={() => change({ authorities: [...form.authorities, authorityRow()] })}>
          Add authority
        </Button>
        {listed.length > 0 && (
          <ul id={problemsId} className={s.problems} aria-label="Problems with the authorities" aria-live="polite">
            {listed.map((m, i) => (
              <li key={i}>
                <Caption1>{m}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={s.row}>
        <Field
          className={s.half}
          label="Financial year"
          hint={check.year && showErrors ? undefined : "Such as 2019/20"}
          validationState={showErrors && check.year ? "error" : "none"}
          validationMessage={showErrors ? check.year : undefined}
        >
          <Input className={s.control} value={form.year} disabled={disabled} onChange={(_, d) => change({ year: d.value })} />
        </Field>
        <Field
          className={s.half}
          label="Levy rate (%)"
          hint={check.levy && showErrors ? undefined : "Apprenticeship levy"}
          validationState={showErrors && check.levy ? "error" : "none"}
          validationMessage={showErrors ? check.levy : undefined}
        >
          <Input className={s.control} value={form.levyPercent} inputMode="decimal" disabled={disabled} onChange={(_, d) => change({ levyPercent: d.value })} />
        </Field>
      </div>
      <div className={s.row}>
        <Field className={s.half} label="Recharge frequency">
          <Select className={s.control} value={form.frequency} disabled={disabled} onChange={(_, d) => change({ frequency: d.value as Frequency })}>
            {FREQUENCIES.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.half} label="VAT on recharges">
          <Switch checked={form.vatOnRecharges} disabled={disabled} label={form.vatOnRecharges ? "Charged" : "Not charged"} onChange={(_, d) => change({ vatOnRecharges: d.checked })} />
        </Field>
      </div>
      <div className={s.actions}>
        <Button
          appearance="primary"
          disabled={disabled || !props.canWrite}
          onClick={() => {
            setTouched(true);
            props.onSave();
          }}
        >
          {props.saving ? "Saving…" : "Save to workbook"}
        </Button>
        <Caption1 className={s.status} aria-live="polite">
          {!check.partnership ? "Fix the problems shown to save." : props.saved ? `Saved on ${SHEET.partnership}.` : "Not saved yet."}
        </Caption1>
      </div>
      {props.notice && <NoticeBar notice={props.notice} />}
    </section>
  );
}
