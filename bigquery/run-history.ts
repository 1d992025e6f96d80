import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

function latestRunStatesSql(runs: string, evaluations: string, where: string): string {
  // The gate metric of each run, for baseline and tuned, from the run's own config.
  const metric = (role: string) =>
    [
      `(SELECT ANY_VALUE(e.value) FROM ${evaluations} AS e`,
      `    WHERE e.run_id = r.run_id AND e.model_role = '${role}' AND e.scope = 'overall'`,
      `      AND e.metric = JSON_VALUE(r.config, '$.gate.metric')) AS ${role}_metric`,
    ].join('\n');
  return [
    `SELECT r.run_id, r.status, JSON_VALUE(r.config, '$.gate.metric') AS gate_metric,`,
    `  ${metric('baseline')},`,
    `  ${metric('tuned')},`,
    `  r.tuned_model, r.tuning_reused, r.gate_passed, TO_JSON_STRING(r.gate_reasons) AS gate_reasons,`,
    `  r.deployed, TO_JSON_STRING(r.error) AS error, r.eval_fingerprint, r.eval_key, r.recorded_at, r.execution,`,
    `  r.pipeline`,
    `FROM (`,
    `  SELECT *, ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY recorded_at DESC) AS row_rank`,
    `  FROM ${runs}${where}`,
    `) AS r`,
    `WHERE r.row_rank = 1`,
    `ORDER BY r.recorded_at DESC`,
  ].join('\n');
}

/** The latest state of every run, newest first, with the gate metric of baseline and tuned. */
export function latestRunsQuery(runs: TableRef, evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runsPath = quotedPath(parts, runs, 'latestRunsQuery.runs');
  const evaluationsPath = quotedPath(parts, evaluations, 'latestRunsQuery.evaluations');
  return parts.finish(latestRunStatesSql(runsPath, evaluationsPath, ''));
}

/** The latest state of run @run_id (no row when there is no such run). */
export function latestRunQuery(runs: TableRef, evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runsPath = quotedPath(parts, runs, 'latestRunQuery.runs');
  const evaluationsPath = quotedPath(parts, evaluations, 'latestRunQuery.evaluations');
  const runId = parts.param(stringParam('run_id', ''));
  return parts.finish(latestRunStatesSql(runsPath, evaluationsPath, `\n  WHERE run_id = ${runId}`));
}
