/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab / carriage return that some
 * programs strip before looking) gets a leading single quote, so it shows as typed text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
