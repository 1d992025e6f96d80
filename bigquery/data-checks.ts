import { quotedPath, type TableRef } from './identifiers';
import { normalizeLabelSql } from './normalize';
import { SqlParts, stringArrayParam, type Sql } from './sql';

/** The data-check findings the pipeline can report; each is configured to fail or warn. */
export const dataCheckNames = [
  'row_count',
  'empty_inputs',
  'unknown_labels',
  'duplicates',
  'leakage',
  'conflicting_labels',
] as const;
export type DataCheckName = (typeof dataCheckNames)[number];

export interface DataChecksOptions {
  train: TableRef;
  eval: TableRef;
  /** The label set, sent as @labels (a compiled workflow supplies the value at run time). */
  labels: readonly string[];
  /** How many offending inputs to list per finding. */
  sampleSize?: number;
}

/** Inputs compare after trimming and collapsing whitespace, so "a  b" and "a b " are the same input. */
function normalizeInputSql(expression: string): string {
  return `REGEXP_REPLACE(REGEXP_REPLACE(${expression}, '[[:space:]]+', ' '), '^ | $', '')`;
}

/**
 * One query that returns a row per (check, split): `check_name`, `split`, `violations` (rows or inputs at
 * fault; for row_count the number of rows) and `samples`, a JSON array of up to `sampleSize` offending
 * inputs (cut to 80 characters), so a failed check can name what to fix without a second query.
 * Samples are ranked with ROW_NUMBER rather than ARRAY_AGG(... LIMIT n) so the query stays portable.
 */
export function dataChecksQuery(options: DataChecksOptions): Sql {
  const f = 'dataChecksQuery';
  const parts = new SqlParts();
  const sampleSize = options.sampleSize ?? 5;
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 1 || sampleSize > 50) {
    throw new Error(`${f}.sampleSize: ${sampleSize} must be an integer from 1 to 50`);
  }
  const labels = parts.param(stringArrayParam('labels', options.labels));
  const train = quotedPath(parts, options.train, `${f}.train`);
  const evalTable = quotedPath(parts, options.eval, `${f}.eval`);
  const input = normalizeInputSql('input_text');
  const label = normalizeLabelSql('output_text');
  const known = normalizeLabelSql('known');

  return parts.finish(
    [
      `WITH examples AS (`,
      `  SELECT 'train' AS split, input_text, output_text, ${input} AS input_key, ${label} AS label_key FROM ${train}`,
      `  UNION ALL`,
      `  SELECT 'eval' AS split, input_text, output_text, ${input} AS input_key, ${label} AS label_key FROM ${evalTable}`,
      `),`,
      `offending AS (`,
      `  SELECT 'empty_inputs' AS check_name, split, COALESCE(input_text, '') AS sample, 1 AS weight FROM examples`,
      `  WHERE input_text IS NULL OR input_key = '' OR output_text IS NULL OR label_key = ''`,
      `  UNION ALL`,
      `  SELECT 'unknown_labels', split, CONCAT(COALESCE(output_text, ''), ' <- ', COALESCE(input_text, '')), 1 FROM examples`,
      `  WHERE label_key <> '' AND label_key NOT IN (SELECT ${known} FROM UNNEST(${labels}) AS known)`,
      `  UNION ALL`,
      `  SELECT 'duplicates', split, MIN(input_text), COUNT(*) - 1 FROM examples`,
      `  WHERE input_key <> '' GROUP BY split, input_key HAVING COUNT(*) > 1`,
      `  UNION ALL`,
      `  SELECT 'leakage', 'eval', MIN(input_text), 1 FROM examples`,
      `  WHERE input_key <> '' GROUP BY input_key`,
      `  HAVING COUNTIF(split = 'train') > 0 AND COUNTIF(split = 'eval') > 0`,
      `  UNION ALL`,
      `  SELECT 'conflicting_labels', 'both', MIN(input_text), 1 FROM examples`,
      `  WHERE input_key <> '' AND label_key <> '' GROUP BY input_key`,
      `  HAVING COUNT(DISTINCT label_key) > 1`,
      `),`,
      `ranked AS (`,
      `  SELECT check_name, split, sample, weight,`,
      `    ROW_NUMBER() OVER (PARTITION BY check_name, split ORDER BY sample) AS rank_in_check`,
      `  FROM offending`,
      `)`,
      `SELECT 'row_count' AS check_name, split, COUNT(*) AS violations, '[]' AS samples FROM examples GROUP BY split`,
      `UNION ALL`,
      `SELECT check_name, split, SUM(weight) AS violations,`,
      `  TO_JSON_STRING(ARRAY_AGG(IF(rank_in_check <= ${sampleSize}, SUBSTR(sample, 1, 80), NULL) IGNORE NULLS ORDER BY sample)) AS samples`,
      `FROM ranked GROUP BY check_name, split`,
      `ORDER BY check_name, split`,
    ].join('\n'),
  );
}
