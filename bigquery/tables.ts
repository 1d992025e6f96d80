/**
 * The pipeline's persistent tables, defined once: Pulumi provisions them with these schemas, the local
 * emulator creates them from the same definitions, and the SQL builders write rows that match them.
 * All of them are append-only, the latest row winning where a reader needs a current state, except
 * `champions`, the one pointer row per serving name that a champion change updates.
 */

import type { BigQueryType, FieldMode } from './column-types';
import type { Ident } from './identifiers';
import type { Sql } from './sql';
import {
  bareColumns,
  columnType,
  join,
  paths,
  sql,
  stringLit,
  toSql,
  type SqlFragment,
} from './sql-template';

// Re-exported for readers of this module's table definitions (infra/table-schema.ts).
export type { BigQueryType, FieldMode } from './column-types';

export interface TableField {
  name: string;
  type: BigQueryType;
  mode: FieldMode;
  description: string;
}

export interface TableDefinition {
  /** Table id inside the pipeline dataset. */
  id: string;
  description: string;
  fields: TableField[];
  /** Column used for time partitioning, where the table grows with every run. */
  partitionBy?: string;
  clusterBy?: string[];
}

const field = (name: string, type: BigQueryType, mode: FieldMode, description: string): TableField => ({
  name,
  type,
  mode,
  description,
});

export const predictionsTable: TableDefinition = {
  id: 'predictions',
  description:
    'One row per generated eval example and attempt. Rows are keyed by model and eval-set fingerprint so a later run can reuse them.',
  partitionBy: 'created_at',
  clusterBy: ['model_name', 'eval_fingerprint'],
  fields: [
    field('run_id', 'STRING', 'REQUIRED', 'Run that generated the row.'),
    field('model_name', 'STRING', 'REQUIRED', 'BigQuery model that generated the text.'),
    field('eval_fingerprint', 'STRING', 'REQUIRED', 'Content hash of the eval set and prompt template.'),
    field('example_id', 'STRING', 'REQUIRED', 'Hash of the example input, label and copy number.'),
    field('label', 'STRING', 'REQUIRED', 'Expected label (output_text).'),
    field('generated_text', 'STRING', 'NULLABLE', 'Raw model output; NULL when the row failed.'),
    field('predicted_label', 'STRING', 'NULLABLE', 'Normalised label matched from the output, or NULL.'),
    field('status', 'STRING', 'REQUIRED', 'Per-row status from the generate function; empty on success.'),
    field('attempt', 'INT64', 'REQUIRED', 'Generation pass, starting at 1.'),
    field('created_at', 'TIMESTAMP', 'REQUIRED', 'When the row was written.'),
  ],
};

export const evaluationsTable: TableDefinition = {
  id: 'evaluations',
  description: 'Metrics per run and model, in long form: one row per (scope, label, metric).',
  partitionBy: 'created_at',
  clusterBy: ['run_id', 'model_role'],
  fields: [
    field('run_id', 'STRING', 'REQUIRED', 'Run that computed the metric.'),
    field('model_role', 'STRING', 'REQUIRED', 'baseline, tuned or champion.'),
    field('model_name', 'STRING', 'REQUIRED', 'BigQuery model evaluated.'),
    field('scope', 'STRING', 'REQUIRED', 'overall, label or confusion.'),
    field('label', 'STRING', 'NULLABLE', 'Expected label for label and confusion scopes.'),
    field('predicted_label', 'STRING', 'NULLABLE', 'Predicted label for the confusion scope.'),
    field('metric', 'STRING', 'REQUIRED', 'precision, recall, f1, support, accuracy, macro_f1, ...'),
    field('value', 'FLOAT64', 'REQUIRED', 'Metric value.'),
    field('created_at', 'TIMESTAMP', 'REQUIRED', 'When the metric was written.'),
  ],
};

export const runsTable: TableDefinition = {
  id: 'runs',
  description:
    'One row per run state change (running, then succeeded, rejected or failed); the latest row wins. A run left running is reconciled from its execution.',
  partitionBy: 'recorded_at',
  clusterBy: ['run_id'],
  fields: [
    field('run_id', 'STRING', 'REQUIRED', 'Run identifier.'),
    field('status', 'STRING', 'REQUIRED', 'running, succeeded, rejected or failed.'),
    field('config', 'JSON', 'NULLABLE', 'Run arguments as passed to the workflow.'),
    field('base_model', 'STRING', 'NULLABLE', 'Baseline remote model.'),
    field('tuned_model', 'STRING', 'NULLABLE', 'Content-addressed tuned model.'),
    field('train_fingerprint', 'STRING', 'NULLABLE', 'Content hash of the training set.'),
    field('eval_fingerprint', 'STRING', 'NULLABLE', 'Content hash of the eval set.'),
    field(
      'eval_key',
      'STRING',
      'NULLABLE',
      'Key the eval predictions are stored under (eval set and prompt).',
    ),
    field('tuning_reused', 'BOOL', 'NULLABLE', 'True when the tuned model already existed.'),
    field('gate_passed', 'BOOL', 'NULLABLE', 'Gate decision.'),
    field('gate_reasons', 'JSON', 'NULLABLE', 'Why the gate passed or failed, as a list of strings.'),
    field('deployed', 'BOOL', 'NULLABLE', 'True when the tuned model became champion.'),
    field('data_checks', 'JSON', 'NULLABLE', 'Data-check findings: check, split, count, severity, samples.'),
    field('pipeline', 'STRING', 'NULLABLE', 'tune-and-evaluate or batch-predict.'),
    field(
      'predictions',
      'JSON',
      'NULLABLE',
      'batch-predict: the champion it served, counts of rows sent, succeeded and failed, and the drift check.',
    ),
    field('error', 'JSON', 'NULLABLE', 'The Workflows error map of a failed run.'),
    field('recorded_at', 'TIMESTAMP', 'REQUIRED', 'When the state was recorded.'),
    field(
      'execution',
      'STRING',
      'NULLABLE',
      'Workflows execution that recorded the state, by its full resource name in the Executions API.',
    ),
  ],
};

export const registryTable: TableDefinition = {
  id: 'model_registry',
  description:
    'Append-only champion history per serving name: promote and rollback events. The latest event decides the champion.',
  clusterBy: ['serving_name'],
  fields: [
    field('serving_name', 'STRING', 'REQUIRED', 'Stable name that callers resolve.'),
    field('event', 'STRING', 'REQUIRED', 'promote or rollback.'),
    field('model_name', 'STRING', 'REQUIRED', 'Model the serving name resolves to after this event.'),
    field('previous_model', 'STRING', 'NULLABLE', 'Model it resolved to before.'),
    field('run_id', 'STRING', 'NULLABLE', 'Run that caused the event.'),
    field('metric', 'STRING', 'NULLABLE', 'Gate metric.'),
    field('metric_value', 'FLOAT64', 'NULLABLE', 'Gate metric value of model_name.'),
    field('recorded_at', 'TIMESTAMP', 'REQUIRED', 'When the event was recorded.'),
    field(
      'event_id',
      'STRING',
      'NULLABLE',
      'Unique id of the change; the champions row that it set carries it.',
    ),
  ],
};

/**
 * The pointer each serving name resolves through: one row per serving name, changed only by the UPDATE of
 * a champion change (bigquery/registry.ts), in the same transaction as its registry event.
 */
export const championsTable: TableDefinition = {
  id: 'champions',
  description:
    'One row per serving name: its champion now. Changed only together with a model_registry event, in one transaction.',
  clusterBy: ['serving_name'],
  fields: [
    field('serving_name', 'STRING', 'REQUIRED', 'Stable name that callers resolve.'),
    field('event', 'STRING', 'NULLABLE', 'promote or rollback: the change that set this state.'),
    field('model_name', 'STRING', 'NULLABLE', 'The champion model; NULL before the first promotion.'),
    field('previous_model', 'STRING', 'NULLABLE', 'The champion before the last change.'),
    field('run_id', 'STRING', 'NULLABLE', 'Run that made the last change.'),
    field('metric', 'STRING', 'NULLABLE', 'Gate metric.'),
    field('metric_value', 'FLOAT64', 'NULLABLE', 'Gate metric value of model_name.'),
    field('event_id', 'STRING', 'NULLABLE', 'Id of the last change, as in its model_registry event.'),
    field('updated_at', 'TIMESTAMP', 'REQUIRED', 'When the last change was made.'),
  ],
};

export const servedPredictionsTable: TableDefinition = {
  id: 'served_predictions',
  description:
    "Predictions of each serving name's champion on new rows (batch-predict), one row per source key, model and attempt, with lineage.",
  partitionBy: 'predicted_at',
  clusterBy: ['serving_name', 'model_name'],
  fields: [
    field('serving_name', 'STRING', 'REQUIRED', 'Serving name whose champion answered.'),
    field('source_key', 'STRING', 'REQUIRED', 'Value of the source key column, as text.'),
    field('generated_text', 'STRING', 'NULLABLE', 'Raw model output; NULL when the row failed.'),
    field('predicted_label', 'STRING', 'NULLABLE', 'Normalised output (the label, for classification).'),
    field('status', 'STRING', 'REQUIRED', 'Per-row status from the generate function; empty on success.'),
    field('attempt', 'INT64', 'REQUIRED', 'Generation attempt for this key and model, starting at 1.'),
    field(
      'prompt_sha256',
      'STRING',
      'NULLABLE',
      'TO_HEX(SHA256(prompt)) of the prompt answered: a key whose text changed is answered again.',
    ),
    field('model_name', 'STRING', 'REQUIRED', 'The champion model that generated the row.'),
    field('run_id', 'STRING', 'REQUIRED', 'batch-predict run that wrote the row.'),
    field('predicted_at', 'TIMESTAMP', 'REQUIRED', 'When the row was written.'),
  ],
};

export const pipelineTables: readonly TableDefinition[] = [
  predictionsTable,
  evaluationsTable,
  runsTable,
  registryTable,
  servedPredictionsTable,
  championsTable,
];

/** Columns of the per-run example tables, the walkthrough's JSONL shape. */
export const exampleColumns: readonly TableField[] = [
  field('input_text', 'STRING', 'NULLABLE', 'Prompt input: the transcript or other text.'),
  field('output_text', 'STRING', 'NULLABLE', 'Expected output: the label.'),
];

/** The table's schema in the BigQuery REST `TableSchema` shape (tables.insert, load jobs). */
export function tableSchemaJson(def: TableDefinition): {
  fields: { name: string; type: BigQueryType; mode: FieldMode; description: string }[];
} {
  return {
    fields: def.fields.map((f) => ({ name: f.name, type: f.type, mode: f.mode, description: f.description })),
  };
}

/** `name TYPE`, then ` NOT NULL` for a REQUIRED column; a bad name or type throws naming `builder.field`. */
export function columnDefinition(
  column: Pick<TableField, 'name' | 'type' | 'mode'>,
  builder: string,
  field: string,
): SqlFragment {
  const name = bareColumns(builder, `${field}.name`, column.name);
  const notNull = column.mode === 'REQUIRED' ? sql` NOT NULL` : sql``;
  return sql`${name} ${columnType(column.type, `${builder}.${field}.type`)}${notNull}`;
}

/**
 * `CREATE TABLE IF NOT EXISTS` for one pipeline table in `dataset`, with partitioning (by day of the
 * partition column), clustering and descriptions. IF NOT EXISTS because the tables are append-only history.
 * A bad name or description throws naming `<table id>.<field>`.
 */
export function createTableDdl(def: TableDefinition, dataset: { project?: Ident; dataset: Ident }): Sql {
  const columns = def.fields.map((f, i) => {
    const column = columnDefinition(f, def.id, `fields[${i}]`);
    return sql`  ${column} OPTIONS(description = ${stringLit(f.description, `${def.id}.${f.name}.description`)})`;
  });
  const table = paths('createTableDdl', { [def.id]: { ...dataset, table: def.id } })[def.id];
  const partition =
    def.partitionBy === undefined
      ? sql``
      : sql`\nPARTITION BY DATE(${bareColumns(def.id, 'partitionBy', def.partitionBy)})`;
  const cluster =
    def.clusterBy === undefined
      ? sql``
      : sql`\nCLUSTER BY ${bareColumns(def.id, 'clusterBy', def.clusterBy)}`;
  const description = stringLit(def.description, `${def.id}.description`);
  return toSql(
    sql`CREATE TABLE IF NOT EXISTS ${table} (\n${join(columns, sql`,\n`)}\n)${partition}${cluster}\nOPTIONS(description = ${description})`,
  );
}

/**
 * `ALTER TABLE ... ADD COLUMN IF NOT EXISTS` for every NULLABLE column of the definition: brings a table
 * created by an earlier version up to date, as Pulumi's in-place schema update does on Google Cloud. A
 * REQUIRED column cannot be added to an existing table, so a definition only ever gains NULLABLE ones
 * (https://cloud.google.com/bigquery/docs/managing-table-schemas#add_an_empty_column). A bad column throws
 * naming `<table id>.fields[i]` by its place among all the fields.
 */
export function addNullableColumnsDdl(
  def: TableDefinition,
  dataset: { project?: Ident; dataset: Ident },
): Sql {
  const columns = def.fields.flatMap((f, i) =>
    f.mode === 'NULLABLE'
      ? [sql`ADD COLUMN IF NOT EXISTS ${columnDefinition(f, def.id, `fields[${i}]`)}`]
      : [],
  );
  const table = paths('addNullableColumnsDdl', { [def.id]: { ...dataset, table: def.id } })[def.id];
  return toSql(sql`ALTER TABLE ${table}\n  ${join(columns, sql`,\n  `)}`);
}
