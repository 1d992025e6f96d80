import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { paths, sql, toSql } from './sql-template';

/** Every registry event of @serving_name, oldest first: the champion's history, for display and rollback. */
export function registryHistoryQuery(registry: TableRef): Sql {
  const p = paths('registryHistoryQuery', { registry });
  return toSql(sql`SELECT serving_name, event, model_name, previous_model, run_id, metric, metric_value, recorded_at
FROM ${p.registry}
WHERE serving_name = ${stringParam('serving_name', '')}
ORDER BY recorded_at`);
}
