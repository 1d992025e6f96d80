import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * The run arguments of the latest run that produced @model_name as its tuned model, as `config`; what
 * `bqtune champion` reads the champion's base endpoint from (a tuned model retires with its base).
 */
export function modelRunConfigQuery(runs: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, runs, 'modelRunConfigQuery.runs');
  const model = parts.param(stringParam('model_name', ''));
  return parts.finish(
    [
      `SELECT config`,
      `FROM ${path}`,
      `WHERE tuned_model = ${model} AND config IS NOT NULL`,
      `ORDER BY recorded_at DESC`,
      `LIMIT 1`,
    ].join('\n'),
  );
}
