import type { LocalModel } from '../model';
import { invalidQuery } from './errors';
import type { FaultInjector } from './faults';
import { generationMetricNames, type GenerationTaskType } from '../../bigquery/generation-metrics';
import { classification, generationMetricValues, type EvalPair } from './metrics';
import type { ModelRecord, ModelRef } from './models';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';
import type { Warehouse } from './warehouse';

/**
 * The BigQuery ML table functions the pipeline uses, as they appear in a FROM clause:
 * `ML.GENERATE_TEXT` / `AI.GENERATE_TEXT` (MODEL, TABLE or query, STRUCT settings) and `ML.EVALUATE`.
 * The engine replaces each call by a table it materialises after running the model over the input rows.
 */
export type TableFunctionName = 'ML.GENERATE_TEXT' | 'AI.GENERATE_TEXT' | 'ML.EVALUATE';

export interface TableFunctionCall {
  name: TableFunctionName;
  /** Token range of the whole call, `ML` to the closing parenthesis. */
  start: number;
  end: number;
  model: ModelRef;
  input?: { table: string[]; at: Token } | { query: Token[] };
  settings?: Token[];
}

const supported: TableFunctionName[] = ['ML.GENERATE_TEXT', 'AI.GENERATE_TEXT', 'ML.EVALUATE'];

/**
 * Every `ML.x(...)` / `AI.x(...)` table-function call in a statement, in source order, with its model, input
 * (a table or a query) and STRUCT settings checked against the function's reference page.
 * @throws BigQueryError `invalidQuery` for a function that is not emulated, a call without `MODEL` first,
 *   or a setting that is unknown or out of its documented range.
 */
export function findTableFunctions(tokens: Token[], warehouse: Warehouse): TableFunctionCall[] {
  const calls: TableFunctionCall[] = [];
  for (let k = 0; k + 3 < tokens.length; k++) {
    if (!(
      isWord(tokens[k], 'ML', 'AI') &&
      isOp(tokens[k + 1], '.') &&
      tokens[k + 2].kind === 'ident' &&
      isOp(tokens[k + 3], '(')
    ))
      continue;
    const name = `${tokens[k].value}.${tokens[k + 2].value}`.toUpperCase() as TableFunctionName;
    if (!supported.includes(name))
      throw invalidQuery(
        `${name} is not emulated (at ${location(tokens[k])}); supported: ${supported.join(', ')}`,
      );
    const close = matchingClose(tokens, k + 3);
    const args = splitTopLevel(tokens, k + 4, close);
    const [modelStart, modelEnd] = args[0] ?? [close, close];
    if (!isWord(tokens[modelStart], 'MODEL'))
      throw invalidQuery(
        `${name} needs MODEL \`project.dataset.model\` as its first argument at ${location(tokens[modelStart])}`,
      );
    const modelPath = pathParts(tokens, modelStart + 1, modelEnd, 'a model name');
    const table = warehouse.tableRef(modelPath.parts, modelPath.at);
    const call: TableFunctionCall = {
      name,
      start: k,
      end: close + 1,
      model: { projectId: table.projectId, datasetId: table.datasetId, modelId: table.tableId },
    };
    for (const [s, e] of args.slice(1)) {
      if (isWord(tokens[s], 'TABLE'))
        call.input = { table: pathParts(tokens, s + 1, e, 'a table name').parts, at: tokens[s + 1] };
      else if (isOp(tokens[s], '(') && matchingClose(tokens, s) === e - 1)
        call.input = { query: tokens.slice(s + 1, e - 1) };
      else if (isWord(tokens[s], 'STRUCT') && isOp(tokens[s + 1], '(')) call.settings = tokens.slice(s, e);
      else
        throw invalidQuery(
          `${name}: unexpected argument at ${location(tokens[s])}; expected TABLE, a (query) or STRUCT(...)`,
        );
    }
    if (!call.input && name !== 'ML.EVALUATE')
      throw invalidQuery(`${name} needs input data: TABLE \`dataset.table\` or a (query)`);
    calls.push(call);
    k = close;
  }
  return calls;
}

function pathParts(
  tokens: Token[],
  start: number,
  end: number,
  what: string,
): { parts: string[]; at: Token } {
  const parts: string[] = [];
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (t.kind === 'quoted') parts.push(...t.value.split('.'));
    else if (t.kind === 'ident') parts.push(t.value);
    else if (!isOp(t, '.')) throw invalidQuery(`Expected ${what} at ${location(t)}`);
  }
  if (parts.length === 0) throw invalidQuery(`Expected ${what} at ${location(tokens[start])}`);
  return { parts, at: tokens[start] };
}

export interface Settings {
  maxOutputTokens: number;
  flattenJsonOutput: boolean;
  /**
   * ML.EVALUATE's `task_type`, upper-cased; absent: the model's own evaluation task, TEXT_GENERATION when it
   * has none.
   */
  taskType?: string;
  safetySettings: boolean;
}

/**
 * The settings STRUCT fields each function takes for a Gemini remote model, with the ranges its reference
 * page gives (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-generate-text,
 * .../bigqueryml-syntax-ai-generate-text, .../bigqueryml-syntax-evaluate). `top_k` is only in the Claude and
 * open-model syntax of these pages, so a Gemini model refuses it.
 */
interface FieldRule {
  kind: 'int' | 'float' | 'bool' | 'strings' | 'string' | 'any';
  range?: [number, number];
  values?: string[];
  /** A generation parameter, which `model_params` replaces. */
  modelParam?: boolean;
}

const geminiGenerationFields: Record<string, FieldRule> = {
  max_output_tokens: { kind: 'int', range: [1, 8192], modelParam: true },
  top_p: { kind: 'float', range: [0, 1], modelParam: true },
  temperature: { kind: 'float', range: [0, 1], modelParam: true },
  stop_sequences: { kind: 'strings', modelParam: true },
  ground_with_google_search: { kind: 'bool', modelParam: true },
  safety_settings: { kind: 'any', modelParam: true },
  request_type: { kind: 'string', values: ['DEDICATED', 'SHARED', 'UNSPECIFIED'] },
  model_params: { kind: 'string' },
};

const settingsFields: Record<TableFunctionName, Record<string, FieldRule>> = {
  'ML.GENERATE_TEXT': { ...geminiGenerationFields, flatten_json_output: { kind: 'bool' } },
  'AI.GENERATE_TEXT': geminiGenerationFields,
  'ML.EVALUATE': {
    task_type: {
      kind: 'string',
      values: ['TEXT_GENERATION', 'CLASSIFICATION', 'SUMMARIZATION', 'QUESTION_ANSWERING'],
    },
    max_output_tokens: { kind: 'int', range: [1, 8192] },
    temperature: { kind: 'float', range: [0, 1] },
    top_p: { kind: 'float', range: [0, 1] },
  },
};

function checkField(fn: TableFunctionName, name: string, rule: FieldRule, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const bad = (expected: string): never => {
    throw invalidQuery(`${fn}: ${name} must be ${expected}; got ${JSON.stringify(raw)}`);
  };
  switch (rule.kind) {
    case 'int':
    case 'float': {
      const n = typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : Number.NaN;
      const [low, high] = rule.range!;
      const what = `${rule.kind === 'int' ? 'an INT64' : 'a FLOAT64'} in [${low}, ${high}]`;
      if (Number.isNaN(n) || n < low || n > high || (rule.kind === 'int' && !Number.isInteger(n))) bad(what);
      return;
    }
    case 'bool':
      if (typeof raw !== 'boolean') bad('a BOOL');
      return;
    case 'strings':
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) bad('an ARRAY<STRING>');
      return;
    case 'string':
      if (typeof raw !== 'string') bad('a STRING');
      if (rule.values && !rule.values.includes((raw as string).toUpperCase()))
        bad(`one of ${rule.values.join(', ')}`);
      return;
    default:
      return;
  }
}

/**
 * Checks the STRUCT settings against what each function documents.
 * @throws BigQueryError `invalidQuery` for an unknown field, a value of the wrong type or outside its
 *   documented range, or a field also given inside `model_params`.
 */
export function readSettings(name: TableFunctionName, values: Record<string, unknown>): Settings {
  const fields = settingsFields[name];
  const lower: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = key.toLowerCase();
    if (!(field in fields)) throw invalidQuery(`${name}: unsupported field ${key} in the settings STRUCT`);
    checkField(name, field, fields[field], value);
    lower[field] = value;
  }
  if (lower.model_params !== undefined && lower.model_params !== null) {
    const clash = Object.keys(lower).find((k) => fields[k].modelParam && lower[k] !== null);
    if (clash)
      throw invalidQuery(
        `${name}: ${clash} cannot be set together with model_params; give it inside model_params`,
      );
  }
  const maxOutputTokens = lower.max_output_tokens;
  return {
    maxOutputTokens:
      maxOutputTokens === undefined || maxOutputTokens === null ? 1024 : Number(maxOutputTokens),
    flattenJsonOutput: lower.flatten_json_output === true,
    taskType: typeof lower.task_type === 'string' ? lower.task_type.toUpperCase() : undefined,
    safetySettings: lower.safety_settings !== undefined && lower.safety_settings !== null,
  };
}

export interface RowResult {
  text: string | null;
  status: string;
  promptTokens: number;
  outputTokens: number;
}

export interface GenerationStats {
  modelInvocations: number;
  rowFailures: number;
  invocationsByModel: Record<string, number>;
}

/** Runs one generation request per row, as the remote endpoint would be called. */
export function generateRows(
  prompts: (string | null)[],
  model: { record: ModelRecord; model: LocalModel },
  settings: Settings,
  faults: FaultInjector,
  stats: GenerationStats,
): RowResult[] {
  const key = `${model.record.ref.projectId}.${model.record.ref.datasetId}.${model.record.ref.modelId}`;
  return prompts.map((prompt) => {
    if (prompt === null || prompt.trim().length === 0) {
      return {
        text: null,
        status: 'The prompt is NULL or empty; no request was sent.',
        promptTokens: 0,
        outputTokens: 0,
      };
    }
    stats.modelInvocations++;
    stats.invocationsByModel[key] = (stats.invocationsByModel[key] ?? 0) + 1;
    const failure = faults.rowFailure(key, prompt, model.record.endpoint);
    if (failure) {
      stats.rowFailures++;
      return { text: null, status: failure, promptTokens: 0, outputTokens: 0 };
    }
    const generation = model.model.generate(prompt, settings.maxOutputTokens);
    return {
      text: generation.text,
      status: '',
      promptTokens: generation.promptTokens,
      outputTokens: generation.outputTokens,
    };
  });
}

export interface OutputColumn {
  name: string;
  type: 'VARCHAR' | 'JSON' | 'DOUBLE';
  values: (string | number | null)[];
}

function fullResponse(row: RowResult, endpoint: string): string | null {
  if (row.text === null) return null;
  return JSON.stringify({
    candidates: [{ content: { role: 'model', parts: [{ text: row.text }] }, finish_reason: 'STOP' }],
    usage_metadata: {
      prompt_token_count: row.promptTokens,
      candidates_token_count: row.outputTokens,
      total_token_count: row.promptTokens + row.outputTokens,
    },
    model_version: endpoint,
  });
}

/** The generated columns, in the order the function returns them (before the input columns). */
export function generationColumns(
  name: TableFunctionName,
  settings: Settings,
  rows: RowResult[],
  endpoint: string,
): OutputColumn[] {
  const status = rows.map((r) => r.status);
  const response = rows.map((r) => fullResponse(r, endpoint));
  if (name === 'AI.GENERATE_TEXT') {
    return [
      { name: 'result', type: 'VARCHAR', values: rows.map((r) => r.text) },
      { name: 'rai_result', type: 'JSON', values: rows.map(() => null) },
      { name: 'grounding_result', type: 'JSON', values: rows.map(() => null) },
      {
        name: 'statistics',
        type: 'JSON',
        values: rows.map((r) =>
          r.text === null
            ? null
            : JSON.stringify({ prompt_token_count: r.promptTokens, candidates_token_count: r.outputTokens }),
        ),
      },
      { name: 'full_response', type: 'JSON', values: response },
      { name: 'status', type: 'VARCHAR', values: status },
    ];
  }
  if (!settings.flattenJsonOutput) {
    return [
      { name: 'ml_generate_text_result', type: 'JSON', values: response },
      { name: 'ml_generate_text_status', type: 'VARCHAR', values: status },
    ];
  }
  const columns: OutputColumn[] = [
    { name: 'ml_generate_text_llm_result', type: 'VARCHAR', values: rows.map((r) => r.text) },
  ];
  if (settings.safetySettings)
    columns.push({ name: 'ml_generate_text_rai_result', type: 'VARCHAR', values: rows.map(() => null) });
  columns.push({ name: 'ml_generate_text_status', type: 'VARCHAR', values: status });
  return columns;
}

const taskTypes = ['TEXT_GENERATION', 'CLASSIFICATION', 'SUMMARIZATION', 'QUESTION_ANSWERING'];

/** ML.EVALUATE's output: one row, or one row per label for CLASSIFICATION; failed rows are skipped. */
export function evaluationColumns(taskType: string, expected: string[], rows: RowResult[]): OutputColumn[] {
  if (!taskTypes.includes(taskType))
    throw invalidQuery(`ML.EVALUATE: task_type ${taskType} is not one of ${taskTypes.join(', ')}`);
  const pairs: EvalPair[] = [];
  rows.forEach((row, i) => {
    if (row.status === '' && row.text !== null) pairs.push({ expected: expected[i], generated: row.text });
  });
  const status = JSON.stringify({ num_successful_rows: pairs.length, num_total_rows: rows.length });
  if (taskType === 'CLASSIFICATION') {
    const perLabel = classification(pairs);
    return [
      { name: 'precision', type: 'DOUBLE', values: perLabel.map((m) => m.precision) },
      { name: 'recall', type: 'DOUBLE', values: perLabel.map((m) => m.recall) },
      { name: 'f1', type: 'DOUBLE', values: perLabel.map((m) => m.f1) },
      { name: 'label', type: 'VARCHAR', values: perLabel.map((m) => m.label) },
      { name: 'evaluation_status', type: 'VARCHAR', values: perLabel.map(() => status) },
    ];
  }
  const values = generationMetricValues(pairs);
  return [
    ...generationMetricNames(taskType as GenerationTaskType).map((name): OutputColumn => ({
      name,
      type: 'DOUBLE',
      values: [values[name]],
    })),
    { name: 'evaluation_status', type: 'VARCHAR', values: [status] },
  ];
}
