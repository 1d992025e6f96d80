import {
  generateOutputColumns,
  latestPredictionsSql,
  normalizeLabelSql,
  retryablePromptsSql,
  retryableStatusSql,
  settingsStruct,
} from './sql-strings';
import { checkColumnName, pathLiteral, quotedPath, type ModelRef, type TableRef } from './identifiers';
import { isPlaceholder, type Placeholder } from './placeholders';
import { type GenerateFunction, type GenerationSettings } from './generate-text';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * SQL of the batch-predict pipeline: the champion's own settings, the rows of a source that this champion
 * has not answered yet, generation into the served-predictions table with lineage on every row, and the
 * drift of the new predictions against the champion's evaluation predictions.
 */

/** A column of the source, concrete or a run-time `{{placeholder}}` of kind `columnName`. */
type Column = string | Placeholder;

function column(parts: SqlParts, c: Column, field: string): string {
  if (isPlaceholder(c)) {
    if (c.kind !== 'columnName') throw new Error(`${field}: placeholder {{${c.name}}} is not a columnName`);
    return `\`${parts.placeholder(c)}\``;
  }
  return `\`${checkColumnName(c, field)}\``;
}

/**
 * The run that promoted @model_name: its arguments (the prompt template and generation settings the model
 * was tuned and evaluated with) and the key its eval predictions are stored under. No row when the model was
 * never promoted by a run of this dataset.
 */
export function championRunQuery(runs: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, runs, 'championRunQuery.runs');
  const model = parts.param(stringParam('model_name', ''));
  return parts.finish(
    [
      `SELECT run_id, TO_JSON_STRING(config) AS config, eval_key`,
      `FROM ${path}`,
      `WHERE tuned_model = ${model} AND deployed = TRUE AND config IS NOT NULL`,
      `ORDER BY recorded_at DESC`,
      `LIMIT 1`,
    ].join('\n'),
  );
}

export interface SourceOptions {
  /** The source table (a user's table, or the staging table the source files were loaded into). */
  source: TableRef;
  keyColumn: Column;
  inputColumn: Column;
}

/**
 * Rows of the source without a key, and keys that stand on more than one row (both make a run ambiguous),
 * and rows without an input, which are not sent and are counted in the run's outcome.
 */
export function sourceKeyCheckQuery(options: SourceOptions): Sql {
  const f = 'sourceKeyCheckQuery';
  const parts = new SqlParts();
  const source = quotedPath(parts, options.source, `${f}.source`);
  const key = column(parts, options.keyColumn, `${f}.keyColumn`);
  const input = column(parts, options.inputColumn, `${f}.inputColumn`);
  return parts.finish(
    [
      `SELECT`,
      `  COUNT(*) AS source_rows,`,
      `  COUNTIF(${key} IS NULL) AS null_keys,`,
      `  COUNTIF(${input} IS NULL) AS null_inputs,`,
      `  COUNT(${key}) - COUNT(DISTINCT ${key}) AS duplicate_keys`,
      `FROM ${source}`,
    ].join('\n'),
  );
}

/** The latest served row per source key of one serving name and model. */
function latestServedSql(served: string, servingName: string, model: string): string {
  return [
    `SELECT source_key, status, attempt, ROW_NUMBER() OVER (`,
    `    PARTITION BY source_key ORDER BY attempt DESC, predicted_at DESC) AS row_rank`,
    `  FROM ${served}`,
    `  WHERE serving_name = ${servingName} AND model_name = ${model}`,
  ].join('\n');
}

export interface PendingPromptsOptions extends SourceOptions {
  served: TableRef;
  /** The prompts table of this run, created empty by `createPendingPromptsTable`. */
  prompts: TableRef;
}

/** `CREATE OR REPLACE TABLE` for a run's pending prompts (DDL takes no query parameters, so it is separate). */
export function createPendingPromptsTable(table: TableRef): Sql {
  const parts = new SqlParts();
  const path = quotedPath(parts, table, 'createPendingPromptsTable.table');
  return parts.finish(
    `CREATE OR REPLACE TABLE ${path} (source_key STRING NOT NULL, prompt STRING NOT NULL, previous_attempt INT64 NOT NULL)`,
  );
}

/**
 * Fills the run's prompts with every source row this champion has not answered yet: no served row for its
 * key under @serving_name and @model_name, or only a retryable failure. The prompt is
 * CONCAT(@prompt_prefix, input, @prompt_suffix), the champion's own template. Rows without an input are
 * left out (the run reports how many).
 */
export function insertPendingPrompts(options: PendingPromptsOptions): Sql {
  const f = 'insertPendingPrompts';
  const parts = new SqlParts();
  const servingName = parts.param(stringParam('serving_name', ''));
  const model = parts.param(stringParam('model_name', ''));
  const prefix = parts.param(stringParam('prompt_prefix', ''));
  const suffix = parts.param(stringParam('prompt_suffix', ''));
  const source = quotedPath(parts, options.source, `${f}.source`);
  const served = quotedPath(parts, options.served, `${f}.served`);
  const prompts = quotedPath(parts, options.prompts, `${f}.prompts`);
  const key = column(parts, options.keyColumn, `${f}.keyColumn`);
  const input = column(parts, options.inputColumn, `${f}.inputColumn`);
  return parts.finish(
    [
      `INSERT INTO ${prompts} (source_key, prompt, previous_attempt)`,
      `SELECT src.source_key, CONCAT(${prefix}, src.input, ${suffix}), COALESCE(done.attempt, 0)`,
      `FROM (`,
      `  SELECT CAST(${key} AS STRING) AS source_key, CAST(${input} AS STRING) AS input FROM ${source}`,
      `) AS src`,
      `LEFT JOIN (`,
      `  ${latestServedSql(served, servingName, model).split('\n').join('\n  ')}`,
      `) AS done ON done.source_key = src.source_key AND done.row_rank = 1`,
      `WHERE src.source_key IS NOT NULL AND src.input IS NOT NULL`,
      `  AND (done.source_key IS NULL OR ${retryableStatusSql('done.status')})`,
    ].join('\n'),
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
  const parts = new SqlParts();
  const out = generateOutputColumns[options.function];
  if (out === undefined) throw new Error(`${f}.function: expected AI.GENERATE_TEXT or ML.GENERATE_TEXT`);
  const servingName = parts.param(stringParam('serving_name', ''));
  const runId = parts.param(stringParam('run_id', ''));
  const served = quotedPath(parts, options.served, `${f}.served`);
  const model = quotedPath(parts, options.model, `${f}.model`);
  const modelName = pathLiteral(parts, options.model, `${f}.model`);
  const prompts = quotedPath(parts, options.prompts, `${f}.prompts`);
  const struct = settingsStruct(parts, options.function, options.settings);
  const input =
    options.mode === 'all'
      ? `SELECT source_key, prompt, previous_attempt FROM ${prompts}`
      : retryablePromptsSql(
          prompts,
          ['source_key', 'prompt'],
          'source_key',
          latestServedSql(served, servingName, modelName),
        );
  const ok = `COALESCE(${out.status}, '') = ''`;
  return parts.finish(
    [
      `INSERT INTO ${served} (serving_name, source_key, generated_text, predicted_label, status, attempt, model_name, run_id, predicted_at)`,
      `SELECT`,
      `  ${servingName},`,
      `  source_key,`,
      `  CASE WHEN ${ok} THEN ${out.text} END,`,
      `  CASE WHEN ${ok} THEN ${normalizeLabelSql(out.text)} END,`,
      `  COALESCE(${out.status}, ''),`,
      `  previous_attempt + 1,`,
      `  ${modelName},`,
      `  ${runId},`,
      `  CURRENT_TIMESTAMP`,
      `FROM ${options.function}(`,
      `  MODEL ${model},`,
      `  (`,
      `    ${input}`,
      `  )${struct === undefined ? '' : `,\n  ${struct}`}`,
      `)`,
    ].join('\n'),
  );
}

/** How far this run got: pending prompts, and of their keys the latest row's outcome under this champion. */
export function servedStatusQuery(options: { served: TableRef; prompts: TableRef; model: ModelRef }): Sql {
  const f = 'servedStatusQuery';
  const parts = new SqlParts();
  const servingName = parts.param(stringParam('serving_name', ''));
  const served = quotedPath(parts, options.served, `${f}.served`);
  const prompts = quotedPath(parts, options.prompts, `${f}.prompts`);
  const modelName = pathLiteral(parts, options.model, `${f}.model`);
  return parts.finish(
    [
      `SELECT`,
      `  COUNT(*) AS pending,`,
      `  COUNTIF(latest.status = '') AS succeeded,`,
      `  COUNTIF(${retryableStatusSql('latest.status')}) AS retryable,`,
      `  COUNTIF(latest.status <> '' AND NOT ${retryableStatusSql('latest.status')}) AS failed`,
      `FROM ${prompts} AS p`,
      `LEFT JOIN (`,
      `  ${latestServedSql(served, servingName, modelName).split('\n').join('\n  ')}`,
      `) AS latest ON latest.source_key = p.source_key AND latest.row_rank = 1`,
    ].join('\n'),
  );
}

/**
 * Share floor for a category one side never produced: PSI is undefined for an empty share, and 0.0001 is the
 * usual floor (it caps one category's contribution near 0.92 when the other side puts all rows there).
 */
export const psiShareFloor = 0.0001;

/** Character-length classes of generated text, for tasks whose outputs are not labels. */
const lengthBucketSql = (text: string) =>
  `CASE WHEN ${text} IS NULL THEN '(failed)' WHEN CHAR_LENGTH(${text}) < 16 THEN 'a: <16' WHEN CHAR_LENGTH(${text}) < 64 THEN 'b: 16-63' WHEN CHAR_LENGTH(${text}) < 256 THEN 'c: 64-255' WHEN CHAR_LENGTH(${text}) < 1024 THEN 'd: 256-1023' ELSE 'e: >=1024' END`;

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
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const servingName = parts.param(stringParam('serving_name', ''));
  const model = parts.param(stringParam('model_name', ''));
  const evalKey = parts.param(stringParam('eval_key', ''));
  const byLabel = parts.param({
    name: 'by_label',
    parameterType: { type: 'BOOL' },
    parameterValue: { value: 'true' },
  });
  const served = quotedPath(parts, options.served, `${f}.served`);
  const predictions = quotedPath(parts, options.predictions, `${f}.predictions`);
  const bucket = (label: string, text: string) =>
    `CASE WHEN ${byLabel} THEN COALESCE(${label}, '(invalid)') ELSE ${lengthBucketSql(text)} END`;
  return parts.finish(
    [
      `WITH reference AS (`,
      `  SELECT ${bucket('p.predicted_label', 'p.generated_text')} AS category, COUNT(*) AS n`,
      `  FROM ${predictions} AS p`,
      `  JOIN (`,
      `    ${latestPredictionsSql(predictions, model, evalKey).split('\n').join('\n    ')}`,
      `  ) AS latest ON latest.example_id = p.example_id AND latest.row_rank = 1 AND latest.attempt = p.attempt`,
      `  WHERE p.model_name = ${model} AND p.eval_fingerprint = ${evalKey} AND p.status = ''`,
      `  GROUP BY category`,
      `), current_run AS (`,
      `  SELECT ${bucket('predicted_label', 'generated_text')} AS category, COUNT(*) AS n`,
      `  FROM ${served}`,
      `  WHERE run_id = ${runId} AND serving_name = ${servingName} AND model_name = ${model} AND status = ''`,
      `  GROUP BY category`,
      `), totals AS (`,
      `  SELECT (SELECT SUM(n) FROM reference) AS reference_total, (SELECT SUM(n) FROM current_run) AS current_total`,
      `), shares AS (`,
      `  SELECT c.category,`,
      `    GREATEST(COALESCE(r.n, 0) / t.reference_total, ${psiShareFloor}) AS reference_share,`,
      `    GREATEST(COALESCE(cr.n, 0) / t.current_total, ${psiShareFloor}) AS current_share`,
      `  FROM (SELECT category FROM reference UNION DISTINCT SELECT category FROM current_run) AS c`,
      `  CROSS JOIN totals AS t`,
      `  LEFT JOIN reference AS r ON r.category = c.category`,
      `  LEFT JOIN current_run AS cr ON cr.category = c.category`,
      `  WHERE t.reference_total > 0 AND t.current_total > 0`,
      `)`,
      `SELECT category, reference_share, current_share,`,
      `  (current_share - reference_share) * LN(current_share / reference_share) AS contribution,`,
      `  SUM((current_share - reference_share) * LN(current_share / reference_share)) OVER () AS psi`,
      `FROM shares`,
      `ORDER BY category`,
    ].join('\n'),
  );
}

/**
 * Drops a run's staging tables (its loaded source files, its pending prompts) once nothing reads them: one
 * `DROP TABLE IF EXISTS` per table, several making one script.
 */
export function dropStagingTable(...tables: TableRef[]): Sql {
  const parts = new SqlParts();
  if (tables.length === 0) throw new Error('dropStagingTable: at least one table is required');
  return parts.finish(
    tables
      .map((t, i) => `DROP TABLE IF EXISTS ${quotedPath(parts, t, `dropStagingTable.tables[${i}]`)}`)
      .join(';\n'),
  );
}
