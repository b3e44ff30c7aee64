/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab / carriage return that some
 * programs strip before looking) gets a leading single quote, so it shows as typed text. Both the
 * CSV and the XLSX writers apply it to every text cell: an XLSX text cell is not a formula, but it
 * becomes one when someone edits it or saves the sheet as CSV.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const FORMULA_START = /^[=+\-@\t\r]/;
