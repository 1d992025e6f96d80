/**
 * The one label normalisation used wherever an expected label is compared with a model's output:
 *   1. lower-case;
 *   2. collapse every run of ASCII whitespace (space, tab, newline, CR, vertical tab, form feed) to one space;
 *   3. drop a leading and a trailing space (what TRIM would do, but TRIM's notion of whitespace differs
 *      between BigQuery and DuckDB, so it is spelled as a pattern);
 *   4. remove the spaces around `/` and around `-` ("Billing / Payments" and "billing/payments" agree).
 * The SQL form uses only LOWER and REGEXP_REPLACE with patterns free of backslashes, so the same text means
 * the same thing to BigQuery and to RE2-based engines; the TypeScript form below is its exact twin (a test
 * checks both on a table of cases). Letters outside ASCII are lower-cased by each side's Unicode rules,
 * which agree for ordinary letters but not for a few special cases such as dotted capital I.
 */
export function normalizeLabelSql(expression: string): string {
  let sql = `LOWER(${expression})`;
  sql = `REGEXP_REPLACE(${sql}, '[[:space:]]+', ' ')`;
  sql = `REGEXP_REPLACE(${sql}, '^ | $', '')`;
  sql = `REGEXP_REPLACE(${sql}, ' ?/ ?', '/')`;
  return `REGEXP_REPLACE(${sql}, ' ?- ?', '-')`;
}

export function normalizeLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/[ \t\n\r\v\f]+/g, ' ')
    .replace(/^ | $/g, '')
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ?- ?/g, '-');
}
