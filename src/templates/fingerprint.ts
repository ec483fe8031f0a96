/**
 * A short fingerprint of what a template's figures depend on: the authority codes in partnership
 * order, the financial year, each authority's employer pension rate and the levy rate. Names and
 * recharge settings are left out: renaming a council does not make its returns another
 * partnership's. FNV-1a (32 bits) over a canonical text, shown as 8 hex digits.
 */

export interface FingerprintInput {
  authorities: readonly { code: string; pensionRate: number }[];
  year: { label: string };
  levyRate: number;
}

/** Rates written to 10 significant digits, so 0.199 read back from a file gives the same text. */
function rate(x: number): string {
  return Number(x.toPrecision(10)).toString();
}

export function canonicalPartnership(p: FingerprintInput): string {
  const authorities = p.authorities.map((a) => `${a.code.trim().toUpperCase()}=${rate(a.pensionRate)}`).join(";");
  return `year=${p.year.label}|levy=${rate(p.levyRate)}|${authorities}`;
}

export function partnershipFingerprint(p: FingerprintInput): string {
  const text = canonicalPartnership(p);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
