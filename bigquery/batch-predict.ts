/**
 * SQL of the batch-predict pipeline: the champion's own settings, the rows of a source that this champion
 * has not answered yet, generation into the served-predictions table with lineage on every row, and the
 * drift of the new predictions against the champion's evaluation predictions.
 */
import type { ModelRef, TableRef } from './identifiers';
import { normalizeLabelSql } from './normalize';
import {
  generateOutputColumns,
  latestPredictionsSql,
  retryablePromptsSql,
  retryableStatusSql,
  settingsStruct,
  type GenerateFunction,
  type GenerationSettings,
} from './generate-text';
import { stringParam, type QueryParameter, type Sql } from './sql';
import {
  columns,
  float64Lit,
  indentLines,
  join,
  paths,
  sql,
  toSql,
  type ColumnName,
  type PathFragment,
  type SqlFragment,
} from './sql-template';

/**
 * The run that promoted @model_name: its arguments (the prompt template and generation settings the model
 * was tuned and evaluated with) and the key its eval predictions are stored under. No row when the model was
 * never promoted by a run of this dataset.
 */
export function championRunQuery(runs: TableRef): Sql {
  const p = paths('championRunQuery', { runs });
  return toSql(sql`SELECT run_id, TO_JSON_STRING(config) AS config, eval_key
FROM ${p.runs}
WHERE tuned_model = ${stringParam('model_name', '')} AND deployed = TRUE AND config IS NOT NULL
ORDER BY recorded_at DESC
LIMIT 1`);
}

export interface SourceOptions {
  /** The source table (a user's table, or the staging table the source files were loaded into). */
  source: TableRef;
  /** A column of the source, concrete or a run-time `{{placeholder}}` of kind `columnName`. */
  keyColumn: ColumnName;
  inputColumn: ColumnName;
}

/**
 * Rows of the source without a key, and keys that stand on more than one row (both make a run ambiguous),
 * and rows without an input, which are not sent and are counted in the run's outcome.
 */
export function sourceKeyCheckQuery(options: SourceOptions): Sql {
  const f = 'sourceKeyCheckQuery';
  const source = paths(f, { source: options.source }).source;
  const c = columns(f, { keyColumn: options.keyColumn, inputColumn: options.inputColumn });
  return toSql(
    sql`SELECT
  COUNT(*) AS source_rows,
  COUNTIF(${c.keyColumn} IS NULL) AS null_keys,
  COUNTIF(${c.inputColumn} IS NULL) AS null_inputs,
  COUNT(${c.keyColumn}) - COUNT(DISTINCT ${c.keyColumn}) AS duplicate_keys
FROM ${source}`,
    [...source.placeholders, ...c.keyColumn.placeholders, ...c.inputColumn.placeholders],
  );
}

/** The latest served row per source key of one serving name and model. */
function latestServedSql(served: PathFragment, servingName: QueryParameter, model: SqlFragment): SqlFragment {
  return sql`SELECT source_key, status, attempt, prompt_sha256, ROW_NUMBER() OVER (
    PARTITION BY source_key ORDER BY attempt DESC, predicted_at DESC) AS row_rank
  FROM ${served}
  WHERE serving_name = ${servingName} AND model_name = ${model}`;
}

export interface PendingPromptsOptions extends SourceOptions {
  served: TableRef;
  /** The prompts table of this run, created empty by `createPendingPromptsTable`. */
  prompts: TableRef;
}

/** `CREATE OR REPLACE TABLE` for a run's pending prompts (DDL takes no query parameters, so it is separate). */
export function createPendingPromptsTable(table: TableRef): Sql {
  const p = paths('createPendingPromptsTable', { table });
  return toSql(
    sql`CREATE OR REPLACE TABLE ${p.table} (source_key STRING NOT NULL, prompt STRING NOT NULL, previous_attempt INT64 NOT NULL)`,
  );
}

/**
 * Fills the run's prompts with every source row this champion has not answered yet: no served row for its
 * key under @serving_name and @model_name, only a retryable failure, or a latest answer to another prompt
 * (the key's text changed since: an answer to the old text is not an answer to the new one). The prompt is
 * CONCAT(@prompt_prefix, input, @prompt_suffix), the champion's own template. Rows without an input are
 * left out (the run reports how many).
 */
export function insertPendingPrompts(options: PendingPromptsOptions): Sql {
  const f = 'insertPendingPrompts';
  const servingName = stringParam('serving_name', '');
  const model = stringParam('model_name', '');
  const prefix = stringParam('prompt_prefix', '');
  const suffix = stringParam('prompt_suffix', '');
  const p = paths(f, { source: options.source, served: options.served, prompts: options.prompts });
  const c = columns(f, { keyColumn: options.keyColumn, inputColumn: options.inputColumn });
  return toSql(
    sql`INSERT INTO ${p.prompts} (source_key, prompt, previous_attempt)
SELECT src.source_key, src.prompt, COALESCE(done.attempt, 0)
FROM (
  SELECT CAST(${c.keyColumn} AS STRING) AS source_key, CONCAT(${prefix}, CAST(${c.inputColumn} AS STRING), ${suffix}) AS prompt
  FROM ${p.source}
) AS src
LEFT JOIN (
  ${indentLines(latestServedSql(p.served, servingName, sql`${model}`), 2)}
) AS done ON done.source_key = src.source_key AND done.row_rank = 1
WHERE src.source_key IS NOT NULL AND src.prompt IS NOT NULL
  AND (done.source_key IS NULL OR ${retryableStatusSql(sql`done.status`)}
    OR COALESCE(done.prompt_sha256, '') <> TO_HEX(SHA256(src.prompt)))`,
    [
      servingName,
      model,
      prefix,
      suffix,
      ...p.source.placeholders,
      ...p.served.placeholders,
      ...p.prompts.placeholders,
      ...c.keyColumn.placeholders,
      ...c.inputColumn.placeholders,
    ],
  );
}

export interface ServePredictionsOptions {
  function: GenerateFunction;
  model: ModelRef;
  prompts: TableRef;
  served: TableRef;
  /** The champion's own generation settings. */
  settings: GenerationSettings;
  /**
   * `all` sends every pending prompt; `retryable` only the keys whose latest row under this champion has a
   * retryable status, as their next attempt.
   */
  mode: 'all' | 'retryable';
}

/**
 * `INSERT INTO served (...) SELECT ... FROM {AI|ML}.GENERATE_TEXT(MODEL champion, (pending prompts), STRUCT)`:
 * one row per key and attempt with its lineage (serving name, model, run id, time). A failed row keeps its
 * status and gets NULL text; `predicted_label` is the normalised output.
 */
export function servePredictions(options: ServePredictionsOptions): Sql {
  const f = 'servePredictions';
  const out = generateOutputColumns[options.function];
  if (out === undefined) throw new Error(`${f}.function: expected AI.GENERATE_TEXT or ML.GENERATE_TEXT`);
  const servingName = stringParam('serving_name', '');
  const runId = stringParam('run_id', '');
  const p = paths(f, { served: options.served, model: options.model, prompts: options.prompts });
  const modelName = p.model.literal;
  const struct = settingsStruct(f, options.function, options.settings);
  const input =
    options.mode === 'all'
      ? sql`SELECT source_key, prompt, previous_attempt FROM ${p.prompts}`
      : retryablePromptsSql(
          p.prompts,
          sql`p.source_key, p.prompt`,
          sql`source_key`,
          latestServedSql(p.served, servingName, modelName),
        );
  const ok = sql`COALESCE(${out.status}, '') = ''`;
  return toSql(
    sql`INSERT INTO ${p.served} (serving_name, source_key, generated_text, predicted_label, status, attempt, prompt_sha256, model_name, run_id, predicted_at)
SELECT
  ${servingName},
  source_key,
  CASE WHEN ${ok} THEN ${out.text} END,
  CASE WHEN ${ok} THEN ${normalizeLabelSql(out.text)} END,
  COALESCE(${out.status}, ''),
  previous_attempt + 1,
  TO_HEX(SHA256(prompt)),
  ${modelName},
  ${runId},
  CURRENT_TIMESTAMP
FROM ${out.call}(
  MODEL ${p.model},
  (
    ${input}
  )${struct === undefined ? sql`` : sql`,\n  ${struct}`}
)`,
    [servingName, runId, ...p.served.placeholders, ...p.model.placeholders, ...p.prompts.placeholders],
  );
}

/** How far this run got: pending prompts, and of their keys the latest row's outcome under this champion. */
export function servedStatusQuery(options: { served: TableRef; prompts: TableRef; model: ModelRef }): Sql {
  const servingName = stringParam('serving_name', '');
  const p = paths('servedStatusQuery', {
    served: options.served,
    prompts: options.prompts,
    model: options.model,
  });
  const retryable = retryableStatusSql(sql`latest.status`);
  return toSql(
    sql`SELECT
  COUNT(*) AS pending,
  COUNTIF(latest.status = '') AS succeeded,
  COUNTIF(${retryable}) AS retryable,
  COUNTIF(latest.status <> '' AND NOT ${retryable}) AS failed
FROM ${p.prompts} AS p
LEFT JOIN (
  ${indentLines(latestServedSql(p.served, servingName, p.model.literal), 2)}
) AS latest ON latest.source_key = p.source_key AND latest.row_rank = 1`,
    [...p.served.placeholders, ...p.prompts.placeholders, ...p.model.placeholders],
  );
}

/**
 * Share floor for a category one side never produced: PSI is undefined for an empty share, and 0.0001 is the
 * usual floor (it caps one category's contribution near 0.92 when the other side puts all rows there).
 */
export const psiShareFloor = 0.0001;

/** Character-length classes of generated text, for tasks whose outputs are not labels. */
const lengthBucketSql = (text: SqlFragment): SqlFragment =>
  sql`CASE WHEN ${text} IS NULL THEN '(failed)' WHEN CHAR_LENGTH(${text}) < 16 THEN 'a: <16' WHEN CHAR_LENGTH(${text}) < 64 THEN 'b: 16-63' WHEN CHAR_LENGTH(${text}) < 256 THEN 'c: 64-255' WHEN CHAR_LENGTH(${text}) < 1024 THEN 'd: 256-1023' ELSE 'e: >=1024' END`;

/**
 * Population stability index of this run's new predictions against the champion's evaluation predictions:
 * PSI = Σ (current − reference) × ln(current / reference) over categories, each share floored at
 * `psiShareFloor`. Categories are predicted labels (NULL → `(invalid)`) when @by_label is TRUE, otherwise
 * character-length classes of the generated text. One row per category with both shares, its contribution
 * and the total `psi`; no row when either side has no successful prediction.
 * Source of the statistic: Yurdakul, "Statistical properties of population stability index" (2018).
 */
export function driftQuery(options: { served: TableRef; predictions: TableRef }): Sql {
  const f = 'driftQuery';
  const runId = stringParam('run_id', '');
  const servingName = stringParam('serving_name', '');
  const model = stringParam('model_name', '');
  const evalKey = stringParam('eval_key', '');
  const byLabel: QueryParameter = {
    name: 'by_label',
    parameterType: { type: 'BOOL' },
    parameterValue: { value: 'true' },
  };
  const p = paths(f, { served: options.served, predictions: options.predictions });
  const floor = float64Lit(psiShareFloor, `${f}.psiShareFloor`);
  const bucket = (label: SqlFragment, text: SqlFragment) =>
    sql`CASE WHEN ${byLabel} THEN COALESCE(${label}, '(invalid)') ELSE ${lengthBucketSql(text)} END`;
  const latest = latestPredictionsSql(p.predictions, sql`${model}`, evalKey);
  return toSql(
    sql`WITH reference AS (
  SELECT ${bucket(sql`p.predicted_label`, sql`p.generated_text`)} AS category, COUNT(*) AS n
  FROM ${p.predictions} AS p
  JOIN (
    ${indentLines(latest, 4)}
  ) AS latest ON latest.example_id = p.example_id AND latest.row_rank = 1 AND latest.attempt = p.attempt
  WHERE p.model_name = ${model} AND p.eval_fingerprint = ${evalKey} AND p.status = ''
  GROUP BY category
), current_run AS (
  SELECT ${bucket(sql`predicted_label`, sql`generated_text`)} AS category, COUNT(*) AS n
  FROM ${p.served}
  WHERE run_id = ${runId} AND serving_name = ${servingName} AND model_name = ${model} AND status = ''
  GROUP BY category
), totals AS (
  SELECT (SELECT SUM(n) FROM reference) AS reference_total, (SELECT SUM(n) FROM current_run) AS current_total
), shares AS (
  SELECT c.category,
    GREATEST(COALESCE(r.n, 0) / t.reference_total, ${floor}) AS reference_share,
    GREATEST(COALESCE(cr.n, 0) / t.current_total, ${floor}) AS current_share
  FROM (SELECT category FROM reference UNION DISTINCT SELECT category FROM current_run) AS c
  CROSS JOIN totals AS t
  LEFT JOIN reference AS r ON r.category = c.category
  LEFT JOIN current_run AS cr ON cr.category = c.category
  WHERE t.reference_total > 0 AND t.current_total > 0
)
SELECT category, reference_share, current_share,
  (current_share - reference_share) * LN(current_share / reference_share) AS contribution,
  SUM((current_share - reference_share) * LN(current_share / reference_share)) OVER () AS psi
FROM shares
ORDER BY category`,
    [runId, servingName, model, evalKey, byLabel, ...p.served.placeholders, ...p.predictions.placeholders],
  );
}

/**
 * Drops a run's staging tables (its loaded source files, its pending prompts) once nothing reads them: one
 * `DROP TABLE IF EXISTS` per table, several making one script.
 */
export function dropStagingTable(...tables: TableRef[]): Sql {
  if (tables.length === 0) throw new Error('dropStagingTable: at least one table is required');
  const p = paths('dropStagingTable', Object.fromEntries(tables.map((t, i) => [`tables[${i}]`, t])));
  return toSql(
    join(
      Object.values(p).map((t) => sql`DROP TABLE IF EXISTS ${t}`),
      sql`;\n`,
    ),
  );
}
