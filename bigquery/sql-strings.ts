// The string-based helpers of the builders still on SqlParts, as they were; removed with the last of them.
import { parseEndpoint, type EndpointPurpose } from './endpoints';
import { float64Literal, int64Literal, stringLiteral } from './literals';
import { isPlaceholder, kindName, type Placeholder } from './placeholders';
import { numberRules, type NumberOption, type NumberRule } from './options';
import type { GenerateFunction, GenerationSettings } from './generate-text';
import type { SqlParts } from './sql';
import { dashVariants } from './normalize';
import { retryableStatusMarkers } from './generate-text';
import { textScoreFields, textScoresBody } from './text-metrics';

export function numberOption(parts: SqlParts, value: NumberOption, rule: NumberRule, field: string): string {
  if (isPlaceholder(value)) {
    if (value.kind !== rule.kind) {
      throw new Error(
        `${field}: placeholder {{${value.name}}} is a ${kindName(value.kind)}, expected ${rule.kind}`,
      );
    }
    return parts.placeholder(value);
  }
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    !rule.check(value)
  ) {
    throw new Error(`${field}: ${String(value)} must be ${rule.range}`);
  }
  return rule.integer ? int64Literal(value, field) : float64Literal(value, field);
}

/** An enum option known now, or a run-time placeholder whose enum is a subset of the allowed values. */
export function enumOrPlaceholderOption<T extends string>(
  parts: SqlParts,
  value: T | Placeholder,
  allowed: readonly T[],
  field: string,
): string {
  if (!isPlaceholder(value)) return enumOption(value, allowed, field);
  const values = typeof value.kind === 'string' ? undefined : value.kind.enum;
  const stray = values?.filter((x) => !(allowed as readonly string[]).includes(x));
  if (values === undefined || stray === undefined || stray.length > 0) {
    throw new Error(
      `${field}: placeholder {{${value.name}}} must be an enum of ${allowed.join(', ')}` +
        (stray && stray.length > 0 ? ` (not ${stray.join(', ')})` : ''),
    );
  }
  return `'${parts.placeholder(value)}'`;
}

export function enumOption<T extends string>(value: T, allowed: readonly T[], field: string): string {
  if (!allowed.includes(value)) {
    throw new Error(`${field}: ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
  }
  return stringLiteral(value, field);
}

/** The ENDPOINT string: a checked model name or URL, or an enum placeholder whose every value passes the check. */
export function endpointOption(
  parts: SqlParts,
  value: string | Placeholder,
  purpose: EndpointPurpose,
  field: string,
): string {
  if (isPlaceholder(value)) {
    if (typeof value.kind === 'string') {
      throw new Error(
        `${field}: placeholder {{${value.name}}} must be an enum of endpoints, not ${value.kind}`,
      );
    }
    value.kind.enum.forEach((v) => parseEndpoint(v, purpose, `${field} {{${value.name}}}`));
    return `'${parts.placeholder(value)}'`;
  }
  parseEndpoint(value, purpose, field);
  return stringLiteral(value, field);
}

export function normalizeLabelSql(expression: string): string {
  let sql = `LOWER(NORMALIZE(${expression}, NFKC))`;
  sql = `REGEXP_REPLACE(${sql}, '[${dashVariants}]', '-')`;
  sql = `REGEXP_REPLACE(${sql}, '[[:space:]]+', ' ')`;
  sql = `REGEXP_REPLACE(${sql}, '^ | $', '')`;
  sql = `REGEXP_REPLACE(${sql}, ' ?/ ?', '/')`;
  return `REGEXP_REPLACE(${sql}, ' ?- ?', '-')`;
}

/** The output columns each function names its text and per-row status with (status is empty on success). */
export const generateOutputColumns: Record<GenerateFunction, { text: string; status: string }> = {
  'AI.GENERATE_TEXT': { text: 'result', status: 'status' },
  'ML.GENERATE_TEXT': { text: 'ml_generate_text_llm_result', status: 'ml_generate_text_status' },
};

/** The same test in SQL, over a STRING expression. */
export function retryableStatusSql(expression: string): string {
  const checks = retryableStatusMarkers.map((m) => `STRPOS(LOWER(${expression}), '${m}') > 0`);
  return `(${expression} <> '' AND (${checks.join(' OR ')}))`;
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

export const textScoresFunction = 'text_scores';

export function textScoresDeclaration(): string {
  const fields = textScoreFields.map((f) => `${f} FLOAT64`).join(', ');
  return [
    `CREATE TEMP FUNCTION ${textScoresFunction}(reference STRING, candidate STRING)`,
    `RETURNS STRUCT<${fields}> DETERMINISTIC LANGUAGE js AS r"""${textScoresBody}""";`,
  ].join('\n');
}

export function expirationOption(hours: number, field: string): string {
  if (!Number.isSafeInteger(hours) || hours < 1 || hours > 87_600) {
    throw new Error(`${field}: ${hours} is not a whole number of hours from 1 to 87600`);
  }
  return `expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL ${hours} HOUR)`;
}
