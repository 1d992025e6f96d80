import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

export interface LatestScopeRowsOptions {
  evaluations: TableRef;
  /** The evaluations-table scope to read, e.g. `confusion` or `distribution`. */
  scope: string;
  /** The SELECT list over `e` (the evaluations table). */
  columns: string;
  /** Further conditions on `e`, AND-ed with the run and scope. */
  where?: string;
  orderBy: string;
  /** The builder's name, for errors naming a bad table reference. */
  caller: string;
}

/**
 * The rows of one scope of run @run_id, from the latest metric write of each model role only (a re-run of the
 * metrics statement appends; a row that a later write no longer has must not linger).
 */
export function latestScopeRowsQuery(options: LatestScopeRowsOptions): Sql {
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const path = quotedPath(parts, options.evaluations, `${options.caller}.evaluations`);
  const scope = `'${options.scope}'`;
  return parts.finish(
    [
      `SELECT ${options.columns}`,
      `FROM ${path} AS e`,
      `JOIN (`,
      `  SELECT model_role, MAX(created_at) AS written_at`,
      `  FROM ${path}`,
      `  WHERE run_id = ${runId} AND scope = ${scope}`,
      `  GROUP BY model_role`,
      `) AS latest ON latest.model_role = e.model_role AND latest.written_at = e.created_at`,
      `WHERE e.run_id = ${runId} AND e.scope = ${scope}${options.where ? ` AND ${options.where}` : ''}`,
      `ORDER BY ${options.orderBy}`,
    ].join('\n'),
  );
}
