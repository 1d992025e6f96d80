import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { paths, sql, stringLit, toSql, type SqlFragment } from './sql-template';

export interface LatestScopeRowsOptions {
  evaluations: TableRef;
  /** The evaluations-table scope to read, e.g. `confusion` or `distribution`. */
  scope: string;
  /** The SELECT list over `e` (the evaluations table). */
  columns: SqlFragment;
  /** Further conditions on `e`, AND-ed with the run and scope. */
  where?: SqlFragment;
  orderBy: SqlFragment;
  /** The builder's name, for errors naming a bad table reference. */
  caller: string;
}

/**
 * The rows of one scope of run @run_id, from the latest metric write of each model role only (a re-run of the
 * metrics statement appends; a row that a later write no longer has must not linger).
 */
export function latestScopeRowsQuery(options: LatestScopeRowsOptions): Sql {
  const runId = stringParam('run_id', '');
  const p = paths(options.caller, { evaluations: options.evaluations });
  const scope = stringLit(options.scope, `${options.caller}.scope`);
  const where = options.where ? sql` AND ${options.where}` : sql``;
  return toSql(sql`SELECT ${options.columns}
FROM ${p.evaluations} AS e
JOIN (
  SELECT model_role, MAX(created_at) AS written_at
  FROM ${p.evaluations}
  WHERE run_id = ${runId} AND scope = ${scope}
  GROUP BY model_role
) AS latest ON latest.model_role = e.model_role AND latest.written_at = e.created_at
WHERE e.run_id = ${runId} AND e.scope = ${scope}${where}
ORDER BY ${options.orderBy}`);
}
