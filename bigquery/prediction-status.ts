import type { ModelRef, TableRef } from './identifiers';
import { latestPredictionsSql, retryableStatusSql } from './generate-text';
import { stringParam, type Sql } from './sql';
import { indentLines, paths, sql, toSql } from './sql-template';

/**
 * How far generation got for one model over one set of eval prompts (@eval_fingerprint): how many prompts
 * there are, how many have a prediction, how many of the latest ones succeeded and how many failed with a
 * retryable status. The pipeline generates only when nothing is stored yet, and then retries only the
 * retryable rows, so a re-run with the same model and eval prompts costs no model calls.
 */
export function predictionStatusQuery(predictions: TableRef, prompts: TableRef, model: ModelRef): Sql {
  const fingerprint = stringParam('eval_fingerprint', '');
  const p = paths('predictionStatusQuery', { predictions, prompts, model });
  const latest = latestPredictionsSql(p.predictions, p.model.literal, fingerprint);
  return toSql(
    sql`SELECT
  (SELECT COUNT(*) FROM ${p.prompts}) AS prompts,
  COUNTIF(row_rank = 1) AS predicted,
  COUNTIF(row_rank = 1 AND status = '') AS succeeded,
  COUNTIF(row_rank = 1 AND ${retryableStatusSql(sql`status`)}) AS retryable
FROM (
  ${indentLines(latest, 2)}
) AS latest`,
    [p.predictions, p.prompts, p.model].flatMap((f) => f.placeholders),
  );
}
