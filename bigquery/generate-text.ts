import type { ModelRef, TableRef } from './identifiers';
import { normalizeLabelSql } from './normalize';
import { numberOption, numberRules, type NumberOption } from './options';
import { stringParam, type QueryParameter, type Sql } from './sql';
import {
  indentLines,
  join,
  paths,
  sql,
  stringLit,
  toSql,
  type PathFragment,
  type SqlFragment,
} from './sql-template';

export type GenerateFunction = 'AI.GENERATE_TEXT' | 'ML.GENERATE_TEXT';

/** Generation settings for Gemini, each checked against its documented range. */
export interface GenerationSettings {
  maxOutputTokens?: NumberOption;
  temperature?: NumberOption;
  topP?: NumberOption;
}

/**
 * Each function as it is called, and the output columns it names its text and per-row status with (status
 * is empty on success).
 */
export const generateOutputColumns: Record<
  GenerateFunction,
  { call: SqlFragment; text: SqlFragment; status: SqlFragment }
> = {
  'AI.GENERATE_TEXT': { call: sql`AI.GENERATE_TEXT`, text: sql`result`, status: sql`status` },
  'ML.GENERATE_TEXT': {
    call: sql`ML.GENERATE_TEXT`,
    text: sql`ml_generate_text_llm_result`,
    status: sql`ml_generate_text_status`,
  },
};

/**
 * Case-insensitive markers of a per-row status worth retrying. A generate query succeeds even when rows hit
 * quota; those rows carry e.g. "A retryable error occurred: RESOURCE EXHAUSTED error from <endpoint>".
 */
export const retryableStatusMarkers = [
  'a retryable error occurred',
  'resource exhausted',
  'resource_exhausted',
] as const;

export function isRetryableStatus(status: string): boolean {
  const lower = status.toLowerCase();
  return status !== '' && retryableStatusMarkers.some((m) => lower.includes(m));
}

/** The same test in SQL, over a STRING expression. */
export function retryableStatusSql(expression: SqlFragment): SqlFragment {
  const checks = retryableStatusMarkers.map(
    (m, i) => sql`STRPOS(LOWER(${expression}), ${stringLit(m, `retryableStatusMarkers[${i}]`)}) > 0`,
  );
  return sql`(${expression} <> '' AND (${join(checks, sql` OR `)}))`;
}

export interface GeneratePredictionsOptions {
  function: GenerateFunction;
  model: ModelRef;
  /** A prompts table (example_id, prompt, label), see prompts.ts. */
  prompts: TableRef;
  /** The pipeline's predictions table. */
  predictions: TableRef;
  settings?: GenerationSettings;
  /** Sent as @run_id and @eval_fingerprint: concrete values or run-time expressions. */
  runId: string;
  evalFingerprint: string;
  /**
   * `all` generates every prompt as attempt 1; `retryable` regenerates only the examples whose latest row for
   * this model and eval fingerprint has a retryable status, as the next attempt.
   */
  mode: 'all' | 'retryable';
}

/**
 * The STRUCT of generation settings as the function takes it, or undefined when there is none; a bad setting
 * throws naming `builder.settings.field`.
 */
export function settingsStruct(
  builder: string,
  fn: GenerateFunction,
  s: GenerationSettings,
): SqlFragment | undefined {
  const fields = settingsFields(builder, s);
  // ML.GENERATE_TEXT returns one JSON column unless asked to flatten; AI.GENERATE_TEXT always flattens.
  if (fn === 'ML.GENERATE_TEXT') fields.push(sql`TRUE AS flatten_json_output`);
  return fields.length === 0 ? undefined : sql`STRUCT(${join(fields, sql`, `)})`;
}

/** `value AS max_output_tokens`, `value AS temperature`, `value AS top_p`, each that is set, in that order. */
export function settingsFields(builder: string, s: GenerationSettings): SqlFragment[] {
  const f = `${builder}.settings`;
  const fields: SqlFragment[] = [];
  if (s.maxOutputTokens !== undefined) {
    const v = numberOption(s.maxOutputTokens, numberRules.maxOutputTokens, `${f}.maxOutputTokens`);
    fields.push(sql`${v} AS max_output_tokens`);
  }
  if (s.temperature !== undefined) {
    fields.push(
      sql`${numberOption(s.temperature, numberRules.temperature, `${f}.temperature`)} AS temperature`,
    );
  }
  if (s.topP !== undefined) fields.push(sql`${numberOption(s.topP, numberRules.topP, `${f}.topP`)} AS top_p`);
  return fields;
}

/**
 * The prompts (`columns` of the prompts table `p`, joined on `key`) whose latest generated row has a
 * retryable status, with that row's attempt as `previous_attempt`: the input of a retry pass. `latest` ranks
 * the generated rows per key as `row_rank` (see latestPredictionsSql).
 */
export function retryablePromptsSql(
  prompts: PathFragment,
  columns: SqlFragment,
  key: SqlFragment,
  latest: SqlFragment,
): SqlFragment {
  return sql`SELECT ${columns}, latest.attempt AS previous_attempt
    FROM ${prompts} AS p
    JOIN (
      ${indentLines(latest, 6)}
    ) AS latest ON latest.${key} = p.${key}
    WHERE latest.row_rank = 1 AND ${retryableStatusSql(sql`latest.status`)}`;
}

/**
 * The latest row per example of one model and eval fingerprint, from the predictions table, with `columns`
 * of it (by default what classification and the retry pass read; text metrics also read generated_text).
 */
export function latestPredictionsSql(
  predictions: PathFragment,
  modelName: SqlFragment,
  fingerprint: QueryParameter,
  columns: SqlFragment = sql`example_id, label, predicted_label, status, attempt`,
): SqlFragment {
  return sql`SELECT ${columns}, ROW_NUMBER() OVER (
    PARTITION BY example_id ORDER BY attempt DESC, created_at DESC) AS row_rank
  FROM ${predictions}
  WHERE model_name = ${modelName} AND eval_fingerprint = ${fingerprint}`;
}

/**
 * Batch generation into the predictions table: `INSERT INTO predictions (...) SELECT ... FROM
 * {AI|ML}.GENERATE_TEXT(MODEL m, (SELECT example_id, label, prompt FROM prompts ...), STRUCT(...))`.
 * A failed row keeps its status and gets NULL text; `predicted_label` is the normalised output.
 */
export function generatePredictions(options: GeneratePredictionsOptions): Sql {
  const f = 'generatePredictions';
  const fn = options.function;
  if (!(fn in generateOutputColumns))
    throw new Error(`${f}.function: expected AI.GENERATE_TEXT or ML.GENERATE_TEXT`);
  if (options.mode !== 'all' && options.mode !== 'retryable')
    throw new Error(`${f}.mode: expected all or retryable`);
  const out = generateOutputColumns[fn];
  const runId = stringParam('run_id', options.runId);
  const fingerprint = stringParam('eval_fingerprint', options.evalFingerprint);
  const p = paths(f, { predictions: options.predictions, model: options.model, prompts: options.prompts });
  const modelName = p.model.literal;
  const struct = settingsStruct(f, fn, options.settings ?? {});

  const input =
    options.mode === 'all'
      ? sql`SELECT example_id, label, prompt, 0 AS previous_attempt FROM ${p.prompts}`
      : retryablePromptsSql(
          p.prompts,
          sql`p.example_id, p.label, p.prompt`,
          sql`example_id`,
          latestPredictionsSql(p.predictions, modelName, fingerprint),
        );
  const ok = sql`COALESCE(${out.status}, '') = ''`;
  const statement = sql`INSERT INTO ${p.predictions} (run_id, model_name, eval_fingerprint, example_id, label, generated_text, predicted_label, status, attempt, created_at)
SELECT
  ${runId},
  ${modelName},
  ${fingerprint},
  example_id,
  label,
  CASE WHEN ${ok} THEN ${out.text} END,
  CASE WHEN ${ok} THEN ${normalizeLabelSql(out.text)} END,
  COALESCE(${out.status}, ''),
  previous_attempt + 1,
  CURRENT_TIMESTAMP
FROM ${out.call}(
  MODEL ${p.model},
  (
    ${input}
  )${struct === undefined ? sql`` : sql`,\n  ${struct}`}
)`;
  return toSql(statement, [runId, fingerprint]);
}
