import { absolutePence } from "./money";

/**
 * Rule 8 (recharge periods), written as Excel formulas; computed in src/core/recharge.ts. Each
 * period is the partner's part over the periods rounded down to the penny; the last period takes
 * what is left, so the periods add up to the part. A negative part is spread as its absolute
 * value, then negated.
 */
export function rechargePeriodFormula(part: string, period: string, periods: string): string {
  const p = absolutePence(part);
  const each = `INT(${p}/${periods})`;
  return `SIGN(${part})*IF(${period}<${periods},${each},${p}-(${periods}-1)*${each})/100`;
}
