import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { paths, sql, toSql, type PathFragment, type SqlFragment } from './sql-template';

function latestRunStatesSql(runs: PathFragment, evaluations: PathFragment, where: SqlFragment): SqlFragment {
  // The gate metric of each run, for baseline and tuned, from the run's own config.
  const metric = (role: SqlFragment, alias: SqlFragment) =>
    sql`(SELECT ANY_VALUE(e.value) FROM ${evaluations} AS e
    WHERE e.run_id = r.run_id AND e.model_role = ${role} AND e.scope = 'overall'
      AND e.metric = JSON_VALUE(r.config, '$.gate.metric')) AS ${alias}`;
  return sql`SELECT r.run_id, r.status, r.pipeline, JSON_VALUE(r.config, '$.gate.metric') AS gate_metric,
  ${metric(sql`'baseline'`, sql`baseline_metric`)},
  ${metric(sql`'tuned'`, sql`tuned_metric`)},
  r.tuned_model, r.tuning_reused, r.gate_passed, TO_JSON_STRING(r.gate_reasons) AS gate_reasons,
  r.deployed, TO_JSON_STRING(r.error) AS error, r.eval_fingerprint, r.eval_key, r.recorded_at, r.execution
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY recorded_at DESC) AS row_rank
  FROM ${runs}${where}
) AS r
WHERE r.row_rank = 1
ORDER BY r.recorded_at DESC`;
}

/** The latest state of every run, newest first, with the gate metric of baseline and tuned. */
export function latestRunsQuery(runs: TableRef, evaluations: TableRef): Sql {
  const p = paths('latestRunsQuery', { runs, evaluations });
  return toSql(latestRunStatesSql(p.runs, p.evaluations, sql``));
}

/** The latest state of run @run_id (no row when there is no such run). */
export function latestRunQuery(runs: TableRef, evaluations: TableRef): Sql {
  const p = paths('latestRunQuery', { runs, evaluations });
  const where = sql`\n  WHERE run_id = ${stringParam('run_id', '')}`;
  return toSql(latestRunStatesSql(p.runs, p.evaluations, where));
}
