import type { TableRef } from './identifiers';
import { stringParam, type QueryParameter, type Sql } from './sql';
import { bareColumns, paths, sql, toSql } from './sql-template';

/** Run fields sent as STRING parameters; '' stands for NULL so a workflow never has to send a null. */
export const runRecordFields = [
  'status',
  'config',
  'base_model',
  'tuned_model',
  'train_fingerprint',
  'eval_fingerprint',
  'eval_key',
  'tuning_reused',
  'gate_passed',
  'gate_reasons',
  'deployed',
  'data_checks',
  'error',
  'pipeline',
  'predictions',
] as const;
type RunRecordField = (typeof runRecordFields)[number];

/**
 * Appends one state of a run to the runs table. JSON fields arrive as JSON text, booleans as 'true' /
 * 'false'; anything else, or '', is NULL. @execution names the Workflows execution recording it.
 */
export function recordRunStatement(runs: TableRef): Sql {
  const f = 'recordRunStatement';
  const p = paths(f, { runs });
  const runId = stringParam('run_id', '');
  const execution = stringParam('execution', '');
  const fields = runRecordFields.map((name) => stringParam(name, ''));
  const v = Object.fromEntries(fields.map((q) => [q.name, q])) as Record<RunRecordField, QueryParameter>;
  const text = (name: RunRecordField) => sql`NULLIF(${v[name]}, '')`;
  const json = (name: RunRecordField) => sql`PARSE_JSON(NULLIF(${v[name]}, ''))`;
  const bool = (name: RunRecordField) =>
    sql`CASE ${v[name]} WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END`;
  const statement = sql`INSERT INTO ${p.runs} (run_id, ${bareColumns(f, 'runRecordFields', runRecordFields)}, recorded_at, execution)
VALUES (
  ${runId}, ${v.status}, ${json('config')}, ${text('base_model')}, ${text('tuned_model')},
  ${text('train_fingerprint')}, ${text('eval_fingerprint')}, ${text('eval_key')}, ${bool('tuning_reused')},
  ${bool('gate_passed')}, ${json('gate_reasons')}, ${bool('deployed')}, ${json('data_checks')},
  ${json('error')}, ${text('pipeline')}, ${json('predictions')}, CURRENT_TIMESTAMP, NULLIF(${execution}, '')
)`;
  return toSql(statement, [runId, execution, ...fields]);
}
