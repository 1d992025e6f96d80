import { sql, type SqlFragment } from './sql-template';

/**
 * Dash-like characters that are still distinct after NFKC (hyphen, figure dash, en dash, em dash, horizontal
 * bar, minus sign); each reads as `-`. NFKC already maps the non-breaking hyphen to the hyphen and the
 * fullwidth and small forms to these or to `-`. Written once, as the SQL character class; `dashVariants`
 * is its content.
 */
const dashClassSql = sql`'[\u2010\u2012\u2013\u2014\u2015\u2212]'`;
export const dashVariants = dashClassSql.text.slice(2, -2);

/**
 * The one label normalisation used wherever an expected label is compared with a model's output:
 *   1. Unicode NFKC (full-width letters, ligatures and Unicode spaces become their plain forms), as GoogleSQL
 *      NORMALIZE(x, NFKC) does (https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#normalize);
 *   2. lower-case;
 *   3. every dash variant of `dashVariants` becomes `-` (a prompt listing "Consult – History" with an en dash
 *      and data saying "Consult - History" name the same label);
 *   4. collapse every run of ASCII whitespace (space, tab, newline, CR, vertical tab, form feed) to one space;
 *   5. drop a leading and a trailing space (what TRIM would do, but TRIM's notion of whitespace differs
 *      between BigQuery and DuckDB, so it is spelled as a pattern);
 *   6. remove the spaces around `/` and around `-` ("Billing / Payments" and "billing/payments" agree).
 * The SQL form uses only NORMALIZE, LOWER and REGEXP_REPLACE with patterns free of backslashes, so the same
 * text means the same thing to BigQuery and to RE2-based engines; the TypeScript form below is its exact twin
 * (a test checks both on a table of cases). Letters outside ASCII are lower-cased by each side's Unicode
 * rules, which agree for ordinary letters but not for a few special cases such as dotted capital I.
 */
export function normalizeLabelSql(expression: SqlFragment): SqlFragment {
  let s = sql`LOWER(NORMALIZE(${expression}, NFKC))`;
  s = sql`REGEXP_REPLACE(${s}, ${dashClassSql}, '-')`;
  s = sql`REGEXP_REPLACE(${s}, '[[:space:]]+', ' ')`;
  s = sql`REGEXP_REPLACE(${s}, '^ | $', '')`;
  s = sql`REGEXP_REPLACE(${s}, ' ?/ ?', '/')`;
  return sql`REGEXP_REPLACE(${s}, ' ?- ?', '-')`;
}

const dashPattern = new RegExp(`[${dashVariants}]`, 'g');

export function normalizeLabel(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(dashPattern, '-')
    .replace(/[ \t\n\r\v\f]+/g, ' ')
    .replace(/^ | $/g, '')
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ?- ?/g, '-');
}
