/**
 * Money in integer pence, rounded as Excel's ROUND(x, 2) does: half away from zero, judged on
 * the number as Excel shows it (15 significant digits), so ROUND(1.005, 2) is 1.01 even though
 * the double nearest 1.005 lies just below it.
 */

/** Rounds an amount in pounds to whole pence, half away from zero. */
export function toPence(pounds: number): number {
  const pence = roundScaled(Math.abs(pounds) * 100);
  return pounds < 0 && pence !== 0 ? -pence : pence;
}

/**
 * Rounds a non-negative number that has already been scaled by 10^digits to a whole number, as
 * Excel's and LibreOffice's ROUND(x, digits) do: half away from zero, judged at 15 significant
 * digits. toPence is this at 2 digits; the split uses it at 6 (a millionth of a penny), so that
 * the written formula ROUND(x, 6) and the core decide the same way.
 */
export function roundScaled(scaled: number): number {
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  // Only a fraction near one half can be misjudged by binary error; everything else is
  // unambiguous, which keeps the common path free of string conversion. The error grows with
  // the size of the amount (10000001.075 × 100 is 1000000107.4999999), so the band does too.
  const band = 1e-7 + scaled * 1e-15;
  if (fraction < 0.5 - band || fraction > 0.5 + band) return Math.round(scaled);
  return nearHalf(scaled, whole);
}

/** 10^-1 … 10^13; HALF_UNIT[i] is half a unit in the 15th digit of a number in [POW10[i], 10 × POW10[i]). */
const POW10 = [0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13];
const HALF_UNIT = [5e-16, 5e-15, 5e-14, 5e-13, 5e-12, 5e-11, 5e-10, 5e-9, 5e-8, 5e-7, 5e-6, 5e-5, 5e-4, 5e-3, 5e-2];

/**
 * Rounds `scaled` (pence, ≥ 0, within a hair of whole + ½) as Math.round(Number(scaled.toPrecision(15)))
 * does, without building a string: that runs once per half-penny amount, which is common.
 * Shown to 15 digits, scaled reads as whole + ½ or more exactly when it lies less than T, half a
 * unit of its 15th digit, below whole + ½. The gap is exact (the two are within a factor of two).
 * T lies between 5e-16 × scaled and 5e-15 × scaled: outside those bounds (with a margin for the
 * products' rounding) the number of digits does not matter, and a typed half penny, a few units
 * in the last place from whole + ½, is decided here. Kept small, so that it is inlined.
 */
function nearHalf(scaled: number, whole: number): number {
  if (scaled >= 0.25 && scaled < 1e14) {
    const gap = whole + 0.5 - scaled;
    if (gap <= 0 || gap < 4.9e-16 * scaled) return whole + 1;
    if (gap > 5.1e-15 * scaled) return whole;
  }
  return halfByDigits(scaled, whole);
}

/**
 * nearHalf with T itself. T is not a binary fraction, so the gap never equals it, and comparing
 * with T as a double decides correctly unless the gap equals that double: then, and for 15
 * digits or more of pence, it takes the string route.
 */
function halfByDigits(scaled: number, whole: number): number {
  if (scaled >= 0.25 && scaled < 1e14) {
    const gap = whole + 0.5 - scaled;
    let i = 0;
    while (i < POW10.length - 1 && POW10[i + 1] <= scaled) i++;
    if (gap < HALF_UNIT[i]) return whole + 1;
    if (gap > HALF_UNIT[i]) return whole;
  }
  return Math.round(Number(scaled.toPrecision(15)));
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
