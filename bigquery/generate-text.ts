import { normalizeLabelSql, numberOption } from './sql-strings';
import { pathLiteral, quotedPath, type ModelRef, type TableRef } from './identifiers';
import { numberRules, type NumberOption } from './options';
import { SqlParts, stringParam, type Sql } from './sql';

export type GenerateFunction = 'AI.GENERATE_TEXT' | 'ML.GENERATE_TEXT';

/** Generation settings for Gemini, each checked against its documented range. */
export interface GenerationSettings {
  maxOutputTokens?: NumberOption;
  temperature?: NumberOption;
  topP?: NumberOption;
}

/** The output columns each function names its text and per-row status with (status is empty on success). */
export const generateOutputColumns: Record<GenerateFunction, { text: string; status: string }> = {
  'AI.GENERATE_TEXT': { text: 'result', status: 'status' },
  'ML.GENERATE_TEXT': { text: 'ml_generate_text_llm_result', status: 'ml_generate_text_status' },
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
export function retryableStatusSql(expression: string): string {
  const checks = retryableStatusMarkers.map((m) => `STRPOS(LOWER(${expression}), '${m}') > 0`);
  return `(${expression} <> '' AND (${checks.join(' OR ')}))`;
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

/** The STRUCT of generation settings as the function takes it, or undefined when there is none. */
export function settingsStruct(
  parts: SqlParts,
  fn: GenerateFunction,
  s: GenerationSettings,
): string | undefined {
  const f = 'generatePredictions.settings';
  const fields: string[] = [];
  if (s.maxOutputTokens !== undefined) {
    fields.push(
      `${numberOption(parts, s.maxOutputTokens, numberRules.maxOutputTokens, `${f}.maxOutputTokens`)} AS max_output_tokens`,
    );
  }
  if (s.temperature !== undefined) {
    fields.push(
      `${numberOption(parts, s.temperature, numberRules.temperature, `${f}.temperature`)} AS temperature`,
    );
  }
  if (s.topP !== undefined)
    fields.push(`${numberOption(parts, s.topP, numberRules.topP, `${f}.topP`)} AS top_p`);
  // ML.GENERATE_TEXT returns one JSON column unless asked to flatten; AI.GENERATE_TEXT always flattens.
  if (fn === 'ML.GENERATE_TEXT') fields.push('TRUE AS flatten_json_output');
  return fields.length === 0 ? undefined : `STRUCT(${fields.join(', ')})`;
}

/**
 * The prompts (`columns` of the prompts table, joined on `key`) whose latest generated row has a retryable
 * status, with that row's attempt as `previous_attempt`: the input of a retry pass. `latest` ranks the
 * generated rows per key as `row_rank` (see latestPredictionsSql).
 */
export function retryablePromptsSql(
  prompts: string,
  columns: readonly string[],
  key: string,
  latest: string,
): string {
  return [
    `SELECT ${columns.map((c) => `p.${c}`).join(', ')}, latest.attempt AS previous_attempt`,
    `    FROM ${prompts} AS p`,
    `    JOIN (`,
    `      ${latest.split('\n').join('\n      ')}`,
    `    ) AS latest ON latest.${key} = p.${key}`,
    `    WHERE latest.row_rank = 1 AND ${retryableStatusSql('latest.status')}`,
  ].join('\n');
}

/**
 * The latest row per example of one model and eval fingerprint, from the predictions table, with `columns`
 * of it (by default what classification and the retry pass read; text metrics also read generated_text).
 */
export function latestPredictionsSql(
  predictions: string,
  modelName: string,
  fingerprint: string,
  columns: readonly string[] = ['example_id', 'label', 'predicted_label', 'status', 'attempt'],
): string {
  return [
    `SELECT ${columns.join(', ')}, ROW_NUMBER() OVER (`,
    `    PARTITION BY example_id ORDER BY attempt DESC, created_at DESC) AS row_rank`,
    `  FROM ${predictions}`,
    `  WHERE model_name = ${modelName} AND eval_fingerprint = ${fingerprint}`,
  ].join('\n');
}

/**
 * Batch generation into the predictions table: `INSERT INTO predictions (...) SELECT ... FROM
 * {AI|ML}.GENERATE_TEXT(MODEL m, (SELECT example_id, label, prompt FROM prompts ...), STRUCT(...))`.
 * A failed row keeps its status and gets NULL text; `predicted_label` is the normalised output.
 */
export function generatePredictions(options: GeneratePredictionsOptions): Sql {
  const f = 'generatePredictions';
  const parts = new SqlParts();
  const fn = options.function;
  if (!(fn in generateOutputColumns))
    throw new Error(`${f}.function: expected AI.GENERATE_TEXT or ML.GENERATE_TEXT`);
  if (options.mode !== 'all' && options.mode !== 'retryable')
    throw new Error(`${f}.mode: expected all or retryable`);
  const out = generateOutputColumns[fn];
  const runId = parts.param(stringParam('run_id', options.runId));
  const fingerprint = parts.param(stringParam('eval_fingerprint', options.evalFingerprint));
  const predictions = quotedPath(parts, options.predictions, `${f}.predictions`);
  const model = quotedPath(parts, options.model, `${f}.model`);
  const modelName = pathLiteral(parts, options.model, `${f}.model`);
  const prompts = quotedPath(parts, options.prompts, `${f}.prompts`);
  const struct = settingsStruct(parts, fn, options.settings ?? {});

  const input =
    options.mode === 'all'
      ? `SELECT example_id, label, prompt, 0 AS previous_attempt FROM ${prompts}`
      : retryablePromptsSql(
          prompts,
          ['example_id', 'label', 'prompt'],
          'example_id',
          latestPredictionsSql(predictions, modelName, fingerprint),
        );
  const ok = `COALESCE(${out.status}, '') = ''`;
  return parts.finish(
    [
      `INSERT INTO ${predictions} (run_id, model_name, eval_fingerprint, example_id, label, generated_text, predicted_label, status, attempt, created_at)`,
      `SELECT`,
      `  ${runId},`,
      `  ${modelName},`,
      `  ${fingerprint},`,
      `  example_id,`,
      `  label,`,
      `  CASE WHEN ${ok} THEN ${out.text} END,`,
      `  CASE WHEN ${ok} THEN ${normalizeLabelSql(out.text)} END,`,
      `  COALESCE(${out.status}, ''),`,
      `  previous_attempt + 1,`,
      `  CURRENT_TIMESTAMP`,
      `FROM ${fn}(`,
      `  MODEL ${model},`,
      `  (`,
      `    ${input}`,
      `  )${struct === undefined ? '' : `,\n  ${struct}`}`,
      `)`,
    ].join('\n'),
  );
}
