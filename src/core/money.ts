/**
 * Money in integer pence, rounded as Excel's ROUND(x, 2) does: half away from zero, judged on
 * the number as Excel shows it (15 significant digits), so ROUND(1.005, 2) is 1.01 even though
 * the double nearest 1.005 lies just below it.
 */

/** Rounds an amount in pounds to whole pence, half away from zero. */
export function toPence(pounds: number): number {
  const scaled = Math.abs(pounds) * 100;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  let pence: number;
  // Only a fraction near one half can be misjudged by binary error; everything else is
  // unambiguous, which keeps the common path free of string conversion. The error grows with
  // the size of the amount (10000001.075 × 100 is 1000000107.4999999), so the band does too.
  const band = 1e-7 + scaled * 1e-15;
  if (fraction < 0.5 - band || fraction > 0.5 + band) pence = Math.round(scaled);
  else pence = Math.round(Number(scaled.toPrecision(15)));
  return pounds < 0 && pence !== 0 ? -pence : pence;
}

/** Pence back to pounds. */
export function toPounds(pence: number): number {
  return pence / 100;
}

/** Rounds pounds to the penny, as ROUND(x, 2). */
export function roundMoney(pounds: number): number {
  return toPounds(toPence(pounds));
}

/** Sums amounts in pence (integers, so the sum is exact). */
export function sumPence(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
