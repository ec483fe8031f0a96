import { toPounds } from "../../core/money";

const GBP = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Pence as £1,234.56 (a minus sign before the £). */
export function money(pence: number): string {
  return GBP.format(toPounds(pence));
}

/** "1 row" / "4 rows" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
