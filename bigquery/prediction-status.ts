import { latestPredictionsSql, retryableStatusSql } from './sql-strings';
import { pathLiteral, quotedPath, type ModelRef, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * How far generation got for one model over one set of eval prompts (@eval_fingerprint): how many prompts
 * there are, how many have a prediction, how many of the latest ones succeeded and how many failed with a
 * retryable status. The pipeline generates only when nothing is stored yet, and then retries only the
 * retryable rows, so a re-run with the same model and eval prompts costs no model calls.
 */
export function predictionStatusQuery(predictions: TableRef, prompts: TableRef, model: ModelRef): Sql {
  const f = 'predictionStatusQuery';
  const parts = new SqlParts();
  const fingerprint = parts.param(stringParam('eval_fingerprint', ''));
  const predictionsPath = quotedPath(parts, predictions, `${f}.predictions`);
  const promptsPath = quotedPath(parts, prompts, `${f}.prompts`);
  const modelName = pathLiteral(parts, model, `${f}.model`);
  const latest = latestPredictionsSql(predictionsPath, modelName, fingerprint);
  return parts.finish(
    [
      `SELECT`,
      `  (SELECT COUNT(*) FROM ${promptsPath}) AS prompts,`,
      `  COUNTIF(row_rank = 1) AS predicted,`,
      `  COUNTIF(row_rank = 1 AND status = '') AS succeeded,`,
      `  COUNTIF(row_rank = 1 AND ${retryableStatusSql('status')}) AS retryable`,
      `FROM (`,
      `  ${latest.split('\n').join('\n  ')}`,
      `) AS latest`,
    ].join('\n'),
  );
}
