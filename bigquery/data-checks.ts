import type { TableRef } from './identifiers';
import { normalizeLabelSql } from './normalize';
import { stringArrayParam, type Sql } from './sql';
import { int64Lit, paths, sql, toSql, type SqlFragment } from './sql-template';

/**
 * The data-check findings the pipeline can report, each with the `checks.*` option that sets its severity
 * (row_count is always fatal: a split below its minimum cannot be tuned or scored) and what its count counts:
 * rows of a split, or distinct input texts. `aboutLabels` marks the checks that read output_text as a label
 * of a closed set: they apply to classification only, since two right answers to one free-text input, or
 * an answer outside any list, are normal for generation tasks.
 */
export const dataChecks = {
  row_count: { setting: null, counts: 'rows', what: 'rows' },
  empty_inputs: { setting: 'emptyInputs', counts: 'rows', what: 'rows with an empty input_text' },
  missing_outputs: { setting: 'missingOutputs', counts: 'rows', what: 'rows without an output_text' },
  unknown_labels: {
    setting: 'unknownLabels',
    counts: 'rows',
    what: 'rows whose output_text is not in task.labels',
    aboutLabels: true,
  },
  duplicates: {
    setting: 'duplicates',
    counts: 'rows',
    what: 'rows repeating an input_text of the same split',
  },
  leakage: { setting: 'leakage', counts: 'texts', what: 'distinct eval input texts that are also in train' },
  conflicting_labels: {
    setting: 'conflictingLabels',
    counts: 'texts',
    what: 'distinct input texts with more than one label',
    aboutLabels: true,
  },
} as const;
export type DataCheckName = keyof typeof dataChecks;
export const dataCheckNames = Object.keys(dataChecks) as DataCheckName[];

export interface DataChecksOptions {
  train: TableRef;
  eval: TableRef;
  /** The label set, sent as @labels (a compiled workflow supplies the value at run time). */
  labels: readonly string[];
  /** How many offending inputs to list per finding. */
  sampleSize?: number;
}

/** Inputs compare after collapsing whitespace and trimming, so "a  b" and "a b " are the same input. */
export function normalizeInputSql(expression: SqlFragment): SqlFragment {
  return sql`REGEXP_REPLACE(REGEXP_REPLACE(${expression}, '[[:space:]]+', ' '), '^ | $', '')`;
}

/** The TypeScript twin of normalizeInputSql (ASCII whitespace, as RE2's [[:space:]]). */
export function normalizeInput(value: string): string {
  return value.replace(/[ \t\n\r\v\f]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * One query that returns a row per (check, split): `check_name`, `split`, `violations` (see `dataChecks` for
 * whether rows or texts are counted; for row_count the number of rows, 0 for an empty split) and `samples`,
 * a JSON array of up to `sampleSize` offending entries, each
 * `{text, key, label, labels}`: the input cut to 80 characters, `key` the hex SHA-256 of the normalised
 * input (so a client can find the lines of its own file: see normalizeInput), `label` the row's raw
 * output_text where the check is about that row's label (else absent), `labels` the clashing labels of a
 * conflict. Samples are ranked with ROW_NUMBER rather than ARRAY_AGG(... LIMIT n) so the query stays portable.
 */
export function dataChecksQuery(options: DataChecksOptions): Sql {
  const f = 'dataChecksQuery';
  const sampleSize = options.sampleSize ?? 5;
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 1 || sampleSize > 50) {
    throw new Error(`${f}.sampleSize: ${sampleSize} must be an integer from 1 to 50`);
  }
  const labels = stringArrayParam('labels', options.labels);
  const p = paths(f, { train: options.train, eval: options.eval });
  const input = sql`COALESCE(${normalizeInputSql(sql`input_text`)}, '')`;
  const label = sql`COALESCE(${normalizeLabelSql(sql`output_text`)}, '')`;
  const known = normalizeLabelSql(sql`known`);
  const noLabels = sql`CAST(NULL AS ARRAY<STRING>)`;

  return toSql(
    sql`WITH examples AS (
  SELECT 'train' AS split, input_text, output_text, ${input} AS input_key, ${label} AS label_key FROM ${p.train}
  UNION ALL
  SELECT 'eval' AS split, input_text, output_text, ${input} AS input_key, ${label} AS label_key FROM ${p.eval}
),
splits AS (SELECT 'train' AS split UNION ALL SELECT 'eval' AS split),
offending AS (
  SELECT 'empty_inputs' AS check_name, split, COALESCE(input_text, '') AS sample, input_key,
    TRUE AS with_label, output_text AS label, ${noLabels} AS labels, 1 AS weight
  FROM examples WHERE input_key = ''
  UNION ALL
  SELECT 'missing_outputs', split, COALESCE(input_text, ''), input_key, TRUE, output_text, ${noLabels}, 1
  FROM examples WHERE label_key = ''
  UNION ALL
  SELECT 'unknown_labels', split, COALESCE(input_text, ''), input_key, TRUE, output_text, ${noLabels}, 1
  FROM examples WHERE label_key <> '' AND label_key NOT IN (SELECT ${known} FROM UNNEST(${labels}) AS known)
  UNION ALL
  SELECT 'duplicates', split, MIN(input_text), input_key, FALSE, CAST(NULL AS STRING), ${noLabels}, COUNT(*) - 1
  FROM examples WHERE input_key <> '' GROUP BY split, input_key HAVING COUNT(*) > 1
  UNION ALL
  SELECT 'leakage', 'eval', MIN(input_text), input_key, FALSE, CAST(NULL AS STRING), ${noLabels}, 1
  FROM examples WHERE input_key <> '' GROUP BY input_key
  HAVING COUNTIF(split = 'train') > 0 AND COUNTIF(split = 'eval') > 0
  UNION ALL
  SELECT 'conflicting_labels', 'both', MIN(input_text), input_key, FALSE, CAST(NULL AS STRING),
    ARRAY_AGG(DISTINCT output_text IGNORE NULLS ORDER BY output_text), 1
  FROM examples WHERE input_key <> '' AND label_key <> '' GROUP BY input_key
  HAVING COUNT(DISTINCT label_key) > 1
),
ranked AS (
  SELECT check_name, split, weight,
    STRUCT(SUBSTR(sample, 1, 80) AS text, TO_HEX(SHA256(input_key)) AS key, with_label, label, labels) AS entry,
    ROW_NUMBER() OVER (PARTITION BY check_name, split ORDER BY sample, label) AS rank_in_check
  FROM offending
)
SELECT 'row_count' AS check_name, s.split AS split, COUNT(e.split) AS violations, '[]' AS samples
FROM splits AS s LEFT JOIN examples AS e ON e.split = s.split GROUP BY s.split
UNION ALL
SELECT check_name, split, SUM(weight) AS violations,
  TO_JSON_STRING(ARRAY_AGG(IF(rank_in_check <= ${int64Lit(sampleSize, `${f}.sampleSize`)}, entry, NULL) IGNORE NULLS ORDER BY rank_in_check)) AS samples
FROM ranked GROUP BY check_name, split
ORDER BY check_name, split`,
  );
}
