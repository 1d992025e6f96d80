import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { paths, sql, toSql } from './sql-template';

/**
 * The run arguments of the latest run that produced @model_name as its tuned model, as `config`; what
 * `bqtune champion` reads the champion's base endpoint from (a tuned model retires with its base).
 */
export function modelRunConfigQuery(runs: TableRef): Sql {
  const p = paths('modelRunConfigQuery', { runs });
  return toSql(sql`SELECT config
FROM ${p.runs}
WHERE tuned_model = ${stringParam('model_name', '')} AND config IS NOT NULL
ORDER BY recorded_at DESC
LIMIT 1`);
}
