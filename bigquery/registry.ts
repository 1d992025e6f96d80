import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type QueryParameter, type Sql } from './sql';

const float64Param = (name: string): QueryParameter => ({
  name,
  parameterType: { type: 'FLOAT64' },
  parameterValue: { value: '0' },
});

/**
 * The latest registry event of each serving name by recorded_at, in SQL: what a serving name resolves to
 * now, whatever order the rows were written in. Two events of one name with the same recorded_at have no
 * defined order (a table keeps no write order), so either may be returned.
 */
function latestEventsSql(registry: string, where: string): string {
  return [
    `SELECT serving_name, event, model_name, previous_model, run_id, metric, metric_value, recorded_at`,
    `FROM (`,
    `  SELECT *, ROW_NUMBER() OVER (PARTITION BY serving_name ORDER BY recorded_at DESC) AS row_rank`,
    `  FROM ${registry}${where}`,
    `) AS ranked`,
    `WHERE row_rank = 1`,
  ].join('\n');
}

/** The body of the `current_champions` view: one row per serving name. */
export function currentChampionsSql(registry: TableRef): string {
  const parts = new SqlParts();
  const path = quotedPath(parts, registry, 'currentChampionsSql.registry');
  return latestEventsSql(path, '');
}

/** The current champion of @serving_name (no row when there is none yet). */
export function championQuery(registry: TableRef): Sql {
  const parts = new SqlParts();
  const name = parts.param(stringParam('serving_name', ''));
  const path = quotedPath(parts, registry, 'championQuery.registry');
  return parts.finish(latestEventsSql(path, `\n  WHERE serving_name = ${name}`));
}

/**
 * Appends a registry event that makes @model_name the champion of @serving_name, but only if the champion
 * is still @expected_previous ('' for none): a compare-and-set in one DML statement, so two runs deciding
 * at once cannot both promote, and nothing is ever rewritten. The caller checks that one row was inserted.
 * @event is `promote` or `rollback`.
 */
export function promoteChampionStatement(registry: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, registry, 'promoteChampionStatement.registry');
  const name = parts.param(stringParam('serving_name', ''));
  const event = parts.param(stringParam('event', ''));
  const model = parts.param(stringParam('model_name', ''));
  const expected = parts.param(stringParam('expected_previous', ''));
  const runId = parts.param(stringParam('run_id', ''));
  const metric = parts.param(stringParam('metric', ''));
  const value = parts.param(float64Param('metric_value'));
  const current = latestEventsSql(path, `\n  WHERE serving_name = ${name}`);
  return parts.finish(
    [
      `INSERT INTO ${path} (serving_name, event, model_name, previous_model, run_id, metric, metric_value, recorded_at)`,
      `SELECT ${name}, ${event}, ${model}, NULLIF(current_model, ''), NULLIF(${runId}, ''), NULLIF(${metric}, ''), ${value}, CURRENT_TIMESTAMP`,
      `FROM (`,
      `  SELECT COALESCE((SELECT model_name FROM (`,
      `    ${current.split('\n').join('\n    ')}`,
      `  ) AS latest), '') AS current_model`,
      `) AS state`,
      `WHERE current_model = ${expected}`,
    ].join('\n'),
  );
}
