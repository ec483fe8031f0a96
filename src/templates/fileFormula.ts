/**
 * Formulas as an .xlsx file holds them. Excel saves a call to an add-in's custom function as
 * `_xldudf_NAMESPACE_NAME(…)` and turns it back into `NAMESPACE.NAME(…)` when the add-in is
 * loaded, so a file carries the JW functions in that form. Without the add-in they show #NAME?.
 */

/** A plan formula as an .xlsx file holds it: no leading "=", JW functions as Excel saves them. */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return body.replace(/(^|[^A-Za-z0-9_.])JW\.([A-Z][A-Z0-9]*)\(/g, (_, before: string, name: string) => `${before}_xldudf_JW_${name}(`);
}

/** The other way: a formula read from a file, with the JW functions as typed in a cell. */
export function planFormula(fileText: string): string {
  return `=${fileText.replace(/_xldudf_JW_([A-Z][A-Z0-9]*)\(/g, "JW.$1(")}`;
}
