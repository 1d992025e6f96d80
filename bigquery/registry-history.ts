import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/** Every registry event of @serving_name, oldest first: the champion's history, for display and rollback. */
export function registryHistoryQuery(registry: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, registry, 'registryHistoryQuery.registry');
  const name = parts.param(stringParam('serving_name', ''));
  return parts.finish(
    [
      `SELECT serving_name, event, model_name, previous_model, run_id, metric, metric_value, recorded_at`,
      `FROM ${path}`,
      `WHERE serving_name = ${name}`,
      `ORDER BY recorded_at`,
    ].join('\n'),
  );
}
