import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

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

/**
 * Appends one state of a run to the runs table. JSON fields arrive as JSON text, booleans as 'true' /
 * 'false'; anything else, or '', is NULL. @execution names the Workflows execution recording it.
 */
export function recordRunStatement(runs: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, runs, 'recordRunStatement.runs');
  const runId = parts.param(stringParam('run_id', ''));
  const execution = parts.param(stringParam('execution', ''));
  const p: Record<string, string> = {};
  for (const f of runRecordFields) p[f] = parts.param(stringParam(f, ''));
  const text = (name: string) => `NULLIF(${p[name]}, '')`;
  const json = (name: string) => `PARSE_JSON(NULLIF(${p[name]}, ''))`;
  const bool = (name: string) => `CASE ${p[name]} WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END`;
  return parts.finish(
    [
      `INSERT INTO ${path} (run_id, ${runRecordFields.join(', ')}, recorded_at, execution)`,
      `VALUES (`,
      `  ${runId}, ${p.status}, ${json('config')}, ${text('base_model')}, ${text('tuned_model')},`,
      `  ${text('train_fingerprint')}, ${text('eval_fingerprint')}, ${text('eval_key')}, ${bool('tuning_reused')},`,
      `  ${bool('gate_passed')}, ${json('gate_reasons')}, ${bool('deployed')}, ${json('data_checks')},`,
      `  ${json('error')}, ${text('pipeline')}, ${json('predictions')}, CURRENT_TIMESTAMP, NULLIF(${execution}, '')`,
      `)`,
    ].join('\n'),
  );
}
