import type { ValidateFunction } from 'ajv';
import { normalizeLabel } from '../bigquery/normalize';
import { applyTaskRules, taskTypes, type TaskSettings } from '../bigquery/task-types';
import { describeErrors, SchemaValidationError } from './messages';
import type { SchemaIssue } from './messages';
import type {
  BatchPredictArguments,
  EvaluationRecord,
  ExampleRow,
  PipelineConfig,
  RunArguments,
  RunSummary,
} from './types.generated';

let validators: Partial<Record<string, ValidateFunction>> | undefined;

/**
 * The validator of one schema file, from the validators `bqtune schemas` precompiled into
 * validators.generated.ts (ajv's standalone code; `schemas --check` keeps it equal to the schemas): nothing
 * is compiled at run time, and the module loads with the first validation.
 */
function validatorFor(file: string): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validators ??= require('./validators.generated') as Partial<Record<string, ValidateFunction>>;
  const validate = validators[file];
  if (validate === undefined) throw new Error(`schemas: no precompiled validator for ${file}`);
  return validate;
}

/**
 * Labels the pipeline would read as the same answer once normalised (case, and spacing around `/` and `-`): a
 * prediction of either would count as both.
 */
function labelClashes(value: unknown): SchemaIssue[] {
  // `value` may be anything the file held (an empty YAML file is null): the schema's own error names it.
  const labels = (value as { task?: { labels?: unknown } } | null)?.task?.labels;
  if (!Array.isArray(labels)) return [];
  const firstIndex = new Map<string, number>();
  const issues: SchemaIssue[] = [];
  labels.forEach((label, index) => {
    if (typeof label !== 'string') return;
    const key = normalizeLabel(label);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else if (labels[first] !== label) {
      issues.push({
        path: `task.labels[${index}]`,
        message: `task.labels[${index}] must differ from task.labels[${first}] by more than case and spacing around / and -`,
      });
    }
  });
  return issues;
}

/**
 * The rules of the config's task type (bigquery/task-types.ts), once the schema holds: fills the defaults
 * that depend on the task and names each field that does not fit it. A value the schema refused gets none.
 */
function taskRules(value: unknown, schemaValid: boolean): SchemaIssue[] {
  const type = (value as { task?: { type?: unknown } } | null)?.task?.type;
  if (!schemaValid || typeof type !== 'string' || !(type in taskTypes)) return [];
  return applyTaskRules(value as TaskSettings);
}

/** Every check beyond the schema that a config and a run's arguments share. */
const configRules = (value: unknown, schemaValid: boolean): SchemaIssue[] => [
  ...labelClashes(value),
  ...taskRules(value, schemaValid),
];

/**
 * Warnings (not errors) about a config that is valid but likely wrong: the prompt template's label list
 * against `task.labels`. The list is the bracketed, comma-separated part of the prefix or suffix, as in
 * "... from among these labels [A, B, C]"; labels compare after normalizeLabel, so case, spacing and dash
 * variants do not matter. A label in one and not in the other gives one line each; a prompt without such
 * a list gives none (it may name the labels in prose).
 */
export function promptLabelWarnings(config: Pick<PipelineConfig, 'task'>): string[] {
  const labels = config.task.labels ?? [];
  const template = config.task.promptTemplate;
  const lists = [template.prefix, template.suffix ?? '']
    .flatMap((text) => [...text.matchAll(/\[([^[\]]*,[^[\]]*)\]/g)])
    .map((m) =>
      m[1]
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    );
  if (lists.length === 0) return [];
  const listed = lists.flat();
  const inPrompt = new Set(listed.map(normalizeLabel));
  const inTask = new Set(labels.map(normalizeLabel));
  return [
    ...listed
      .filter((label) => !inTask.has(normalizeLabel(label)))
      .map((label) => `task.promptTemplate lists ${JSON.stringify(label)}, which is not in task.labels`),
    ...labels
      .filter((label) => !inPrompt.has(normalizeLabel(label)))
      .map(
        (label) =>
          `task.labels has ${JSON.stringify(label)}, which the prompt template's label list does not`,
      ),
  ];
}

function check<T>(
  file: string,
  value: unknown,
  source: string,
  extra?: (value: unknown, schemaValid: boolean) => SchemaIssue[],
): T {
  // ajv writes defaults into the object it validates; the caller's value stays as it was.
  const copy: unknown = structuredClone(value);
  const validate = validatorFor(file);
  const schemaValid = validate(copy);
  const issues = schemaValid ? [] : describeErrors(validate.errors ?? []);
  issues.push(...(extra?.(copy, schemaValid) ?? []));
  if (issues.length > 0) throw new SchemaValidationError(source, issues);
  return copy as T;
}

/** A pipeline config with every default filled in, or a SchemaValidationError naming each bad field. */
export function validatePipelineConfig(value: unknown, source = 'pipeline config'): PipelineConfig {
  return check('pipeline-config.schema.json', value, source, configRules);
}

/** The arguments of one workflow execution, with every default filled in. */
export function validateRunArguments(value: unknown, source = 'run arguments'): RunArguments {
  return check('run-arguments.schema.json', value, source, configRules);
}

/** The arguments of one batch-predict execution, with every default filled in. */
export function validateBatchPredictArguments(
  value: unknown,
  source = 'batch-predict arguments',
): BatchPredictArguments {
  return check('batch-predict-arguments.schema.json', value, source);
}

/** One train or eval row. */
export function validateExampleRow(value: unknown, source = 'example row'): ExampleRow {
  return check('example-row.schema.json', value, source);
}

/** One row of the evaluations table. */
export function validateEvaluationRecord(value: unknown, source = 'evaluation record'): EvaluationRecord {
  return check('evaluation-record.schema.json', value, source);
}

/** The summary.json of one run. */
export function validateRunSummary(value: unknown, source = 'run summary'): RunSummary {
  return check('run-summary.schema.json', value, source);
}
