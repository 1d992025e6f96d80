import type { TableRef } from './identifiers';
import { stringParam, type QueryParameter, type Sql } from './sql';
import { indentLines, paths, sql, toSql, type PathFragment, type SqlFragment } from './sql-template';

/**
 * The champion of a serving name lives in two tables (bigquery/tables.ts): `champions`, one pointer row per
 * serving name that only a mutating statement changes, and `model_registry`, the append-only history of
 * every change. A change is one multi-statement transaction that moves the pointer with an UPDATE that
 * compares it with the champion the caller decided against, and appends the registry event only if the
 * UPDATE changed the row. That is what makes it race-free on BigQuery: concurrent INSERTs are never
 * conflict-checked (https://cloud.google.com/bigquery/docs/data-manipulation-language, "Concurrent jobs"),
 * but two transactions that mutate one table cannot both commit, and each reads the snapshot taken when it
 * began (https://cloud.google.com/bigquery/docs/transactions, "Transaction concurrency"), so of two
 * promotions against the same champion one is cancelled (BigQuery's concurrent-update error, which the
 * caller retries) and, retried, finds the pointer moved and changes nothing.
 */

const float64Param = (name: string): QueryParameter => ({
  name,
  parameterType: { type: 'FLOAT64' },
  parameterValue: { value: '0' },
});

export interface ChampionTables {
  champions: TableRef;
  registry: TableRef;
}

const columns = sql`serving_name, event, model_name, previous_model, run_id, metric, metric_value`;

/**
 * The latest registry event of each serving name by recorded_at (`where` filters the registry), in SQL: what a serving name resolves to
 * now, whatever order the rows were written in. Two events of one name with the same recorded_at have no
 * defined order (a table keeps no write order), so either may be returned.
 */
function latestEventsSql(registry: PathFragment, where: SqlFragment): SqlFragment {
  return sql`SELECT ${columns}, event_id, recorded_at
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY serving_name ORDER BY recorded_at DESC) AS row_rank
  FROM ${registry}${where}
) AS ranked
WHERE row_rank = 1`;
}

/**
 * What each serving name resolves to: its pointer row, or, for a serving name whose champion was set before
 * the pointer table existed, its latest registry event. `name` restricts it to one serving name.
 */
function currentSql(champions: PathFragment, registry: PathFragment, name?: QueryParameter): SqlFragment {
  const only = name === undefined ? sql`` : sql` AND serving_name = ${name}`;
  const registryOnly = name === undefined ? sql`` : sql`\n  WHERE serving_name = ${name}`;
  return sql`SELECT ${columns}, updated_at AS recorded_at
FROM ${champions}
WHERE model_name IS NOT NULL${only}
UNION ALL
SELECT ${columns}, recorded_at
FROM (
  ${indentLines(latestEventsSql(registry, registryOnly), 2)}
) AS latest
WHERE NOT EXISTS (SELECT 1 FROM ${champions} AS p WHERE p.serving_name = latest.serving_name)`;
}

/**
 * What every serving name resolves to now (`serving_name`, `model_name`, ...: one row per serving name that
 * has a champion), as a fragment for statements that cannot take query parameters, such as the serving
 * switch's DDL script; `builder` names the caller in errors.
 */
export function currentChampionsFragment(builder: string, tables: ChampionTables): SqlFragment {
  const p = paths(builder, { champions: tables.champions, registry: tables.registry });
  return currentSql(p.champions, p.registry);
}

/** The body of the `current_champions` view: one row per serving name that has a champion. */
export function currentChampionsSql(tables: ChampionTables): string {
  const p = paths('currentChampionsSql', { champions: tables.champions, registry: tables.registry });
  return currentSql(p.champions, p.registry).text;
}

/** The serving names that have a champion, one row each (`serving_name`), in name order. */
export function servingNamesQuery(tables: ChampionTables): Sql {
  const p = paths('servingNamesQuery', { champions: tables.champions, registry: tables.registry });
  return toSql(
    sql`SELECT serving_name FROM (${currentSql(p.champions, p.registry)}) AS current ORDER BY serving_name`,
  );
}

/** The current champion of @serving_name (no row when there is none yet). */
export function championQuery(tables: ChampionTables): Sql {
  const p = paths('championQuery', { champions: tables.champions, registry: tables.registry });
  return toSql(currentSql(p.champions, p.registry, stringParam('serving_name', '')));
}

/**
 * One transaction that makes @model_name the champion of @serving_name if the champion is still
 * @expected_previous ('' for none), and appends the registry event @event (`promote` or `rollback`) under
 * the caller's unique @event_id; otherwise it changes nothing. Whether it landed is read afterwards with
 * championChangeQuery, since a script's own result differs between clients. A serving name without a
 * pointer row gets one first, holding its latest registry event (or no model).
 */
export function changeChampionScript(tables: ChampionTables): Sql {
  const p = paths('changeChampionScript', { champions: tables.champions, registry: tables.registry });
  const { champions, registry } = p;
  const name = stringParam('serving_name', '');
  const event = stringParam('event', '');
  const model = stringParam('model_name', '');
  const expected = stringParam('expected_previous', '');
  const eventId = stringParam('event_id', '');
  const runId = stringParam('run_id', '');
  const metric = stringParam('metric', '');
  const value = float64Param('metric_value');
  const latest = latestEventsSql(registry, sql`\n  WHERE serving_name = ${name}`);
  const script = sql`BEGIN TRANSACTION;
INSERT INTO ${champions} (${columns}, event_id, updated_at)
SELECT ${name}, latest.event, latest.model_name, latest.previous_model, latest.run_id, latest.metric,
  latest.metric_value, latest.event_id, CURRENT_TIMESTAMP
FROM (SELECT 1 AS seed) AS seed
LEFT JOIN (
  ${indentLines(latest, 2)}
) AS latest ON TRUE
WHERE NOT EXISTS (SELECT 1 FROM ${champions} WHERE serving_name = ${name});
UPDATE ${champions}
SET previous_model = model_name, model_name = ${model}, event = ${event}, event_id = ${eventId},
  run_id = NULLIF(${runId}, ''), metric = NULLIF(${metric}, ''), metric_value = ${value},
  updated_at = CURRENT_TIMESTAMP
WHERE serving_name = ${name} AND COALESCE(model_name, '') = ${expected};
INSERT INTO ${registry} (${columns}, event_id, recorded_at)
SELECT ${columns}, event_id, updated_at
FROM ${champions}
WHERE serving_name = ${name} AND event_id = ${eventId}
LIMIT 1;
COMMIT TRANSACTION;`;
  return toSql(script, [name, event, model, expected, eventId, runId, metric, value]);
}

/** `changed`: 1 when the change @event_id landed (its registry event exists), else 0. */
export function championChangeQuery(registry: TableRef): Sql {
  const p = paths('championChangeQuery', { registry });
  return toSql(
    sql`SELECT COUNT(*) AS changed FROM ${p.registry} WHERE event_id = ${stringParam('event_id', '')}`,
  );
}
