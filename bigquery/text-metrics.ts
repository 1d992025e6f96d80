/**
 * Per-row text metrics, written once as JavaScript: BigQuery runs it as a temporary JavaScript UDF at the
 * top of the generation-metrics script (generation-metrics.ts), and the local emulator's ML.EVALUATE
 * evaluates the same source, so both compute the same numbers by construction.
 *
 * What BigQuery allows (https://cloud.google.com/bigquery/docs/user-defined-functions#javascript-udfs):
 * STRING arguments arrive as JavaScript strings and SQL NULL as `null`; a STRUCT return is an object whose
 * properties are the fields, FLOAT64 fields JavaScript numbers; INT64 cannot be an argument type (the UDF
 * takes and returns no INT64). The body is a raw triple-quoted string, so it must not contain `"""`.
 * The source is ES2018 (it needs Unicode property escapes; the page names no V8 version, any V8 since 2018
 * has them) and imports nothing.
 *
 * - Tokens: the text in Unicode NFKC, lower-cased, split into maximal runs of letters, combining marks and
 *   digits (`[\p{L}\p{M}\p{N}]+`); everything else separates tokens and is dropped, as rouge-score's default
 *   tokenizer drops non-alphanumerics. Scripts written without spaces (Chinese, Japanese, Thai) give one
 *   token per run. NULL reads as the empty text.
 * - BLEU-4: sentence BLEU against the one reference (Papineni et al. 2002): clipped n-gram precisions for
 *   n = 1..4 with uniform weights and the brevity penalty exp(1 - r/c) when c <= r. Smoothing is NLTK's
 *   `SmoothingFunction().method2` (Lin & Och 2004): add one to the numerator and denominator of the 2- to
 *   4-gram precisions (the denominator at least 1), unigrams unsmoothed, 0 without a unigram match. Unsmoothed
 *   sentence BLEU is 0 whenever one 4-gram is missing, which is most short answers; add-one keeps every
 *   score above 0 once a word matches and is the smoothing with published reference values to test against
 *   (https://www.nltk.org/api/nltk.translate.bleu_score.html).
 * - ROUGE-L: P = LCS / candidate tokens, R = LCS / reference tokens, F1 = 2PR / (P + R), all 0 when either
 *   text has no tokens, as rouge-score (https://pypi.org/project/rouge-score/) scores them. The LCS runs in
 *   O(n·m) time and O(min(n, m)) memory over integer token ids; there is no token cap: 4,000 × 4,000 tokens
 *   take well under a second (bench/text-metrics.ts).
 */
import { bareColumns, join, jsBody, sql, type SqlFragment } from './sql-template';

/** The STRUCT fields `text_scores` returns, in order, each a FLOAT64 in [0, 1]. */
export const textScoreFields = ['bleu4', 'rouge_l_precision', 'rouge_l_recall', 'rouge_l_f1'] as const;
export type TextScores = Record<(typeof textScoreFields)[number], number>;

/** The UDF's name inside the script that declares it. */
export const textScoresFunction = sql`text_scores`;

/**
 * Function declarations only (`tokens`, `bleu4`, `lcs`, `scores`); `textScoresBody` appends the UDF's return.
 * Kept without indentation: every byte is embedded in the compiled workflow. Tokens and n-grams are counted
 * as integer ids (an n-gram's id from its (n-1)-gram's id and its last token's), not joined strings: the
 * metrics run on every eval row.
 */
export const textMetricsLibrary = String.raw`
const tokens = (text) => text == null ? [] : String(text).normalize('NFKC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || [];
function bleu4(ref, hyp) {
const tok = new Map(), T = (t) => { if (!tok.has(t)) tok.set(t, tok.size); return tok.get(t); };
const rt = ref.map(T), ht = hyp.map(T);
let r = rt, h = ht, log = 0;
for (let n = 1; n <= 4; n++) {
if (n > 1) {
const ids = new Map(), G = (t) => (g, i) => { const k = g * tok.size + t[i + n - 1]; if (!ids.has(k)) ids.set(k, ids.size); return ids.get(k); };
r = r.slice(0, -1).map(G(rt));
h = h.slice(0, -1).map(G(ht));
}
const left = new Map();
for (const g of r) left.set(g, (left.get(g) || 0) + 1);
let hit = 0;
for (const g of h) { const c = left.get(g); if (c) { hit++; left.set(g, c - 1); } }
if (n === 1 && hit === 0) return 0;
log += n === 1 ? Math.log(hit / h.length) : Math.log((hit + 1) / (Math.max(h.length, 1) + 1));
}
return (hyp.length > ref.length ? 1 : Math.exp(1 - ref.length / hyp.length)) * Math.exp(log / 4);
}
function lcs(a, b) {
if (a.length < b.length) [a, b] = [b, a];
const ids = new Map(), id = (t) => { if (!ids.has(t)) ids.set(t, ids.size); return ids.get(t); };
const x = a.map(id), y = b.map(id), row = new Int32Array(y.length + 1);
for (const xi of x) {
let diag = 0;
for (let j = 1; j <= y.length; j++) {
const up = row[j];
row[j] = xi === y[j - 1] ? diag + 1 : up > row[j - 1] ? up : row[j - 1];
diag = up;
}
}
return row[y.length];
}
function scores(reference, candidate) {
const ref = tokens(reference), hyp = tokens(candidate);
const common = ref.length && hyp.length ? lcs(ref, hyp) : 0;
const p = hyp.length ? common / hyp.length : 0, r = ref.length ? common / ref.length : 0;
return { bleu4: bleu4(ref, hyp), rouge_l_precision: p, rouge_l_recall: r, rouge_l_f1: p + r ? 2 * p * r / (p + r) : 0 };
}
`;

/** The UDF body: its arguments are `reference` and `candidate`. */
export const textScoresBody = `${textMetricsLibrary}return scores(reference, candidate);\n`;

/**
 * `CREATE TEMP FUNCTION text_scores(reference STRING, candidate STRING) RETURNS STRUCT<...> ...`: the first
 * statement of a script whose later statements call `text_scores(reference, candidate)`.
 * Temporary functions live for the script that declares them
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_function_statement).
 */
export function textScoresDeclaration(): SqlFragment {
  const f = 'textScoresDeclaration';
  const fields = join(
    textScoreFields.map((name, i) => sql`${bareColumns(f, `fields[${i}]`, name)} FLOAT64`),
    sql`, `,
  );
  return sql`CREATE TEMP FUNCTION ${textScoresFunction}(reference STRING, candidate STRING)
RETURNS STRUCT<${fields}> DETERMINISTIC LANGUAGE js AS ${jsBody(textScoresBody, `${f}.body`)};`;
}
