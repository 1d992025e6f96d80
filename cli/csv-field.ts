/**
 * Characters that make a spreadsheet read a cell as a formula when they start it: `=`, `+`, `-`, `@`, tab
 * and carriage return (OWASP, CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection), and
 * NUL, which OWASP ASVS 5.0 requirement 1.2.10 adds to them. A value starting with `'`, the escape itself,
 * is escaped too: otherwise `=1` and `'=1` would be written alike, and two keys would read back as one.
 */
const escapedStart = /^[=+\-@\t\r\0']/;

/**
 * One CSV field of an output file: RFC 4180 quoting (a field holding `"`, `,`, CR or LF is quoted, its `"`
 * doubled; https://www.rfc-editor.org/rfc/rfc4180#section-2), and a field whose text starts with a formula
 * character or `'` is written as `'` + the text, quoted, so a spreadsheet shows it as text instead of
 * running it (the OWASP page's recommendation). null and undefined are the empty field. A field read back
 * that starts with `'` therefore had exactly one added: removing it gives the value; the JSONL output keeps
 * every value as it is.
 */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (escapedStart.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
