import * as pulumi from '@pulumi/pulumi';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import stackConfigSchema from '../schemas/stack-config.schema.json';
import { SchemaValidationError } from '../schemas/messages';
import { validateBatchPredictArguments, validateRunArguments } from '../schemas/validate';
import type { StackConfig } from '../schemas/types.generated';
import { parseEndpoint } from '../bigquery/endpoints';
import { connectionIdFor, defaultBucketName, resourceLabelsFor } from './names';
import {
  defaultBaseEndpoint,
  defaultRetirementWarningDays,
  endpointLifecycleFinding,
} from '../bigquery/model-catalog';

export type CallLogLevel = StackConfig['workflow']['callLogLevel'];
export type ExecutionHistoryLevel = StackConfig['workflow']['executionHistoryLevel'];

/** The `bqtune:` settings of a stack, typed from `schemas/stack-config.schema.json`. */
export type { StackConfig };

/** Validated stack settings plus what is derived from them once, so components agree on it. */
export interface Settings extends StackConfig {
  project: string;
  /** The configured endpoint, or the model catalog's default. */
  baseEndpoint: string;
  /** The data bucket: the configured name, or one derived from the project and prefix. */
  bucketName: string;
  /** The Vertex AI connection's id inside its location. */
  connectionId: string;
  /** `project.location.connection_id`, as SQL and run arguments refer to the connection. */
  connectionQualifiedId: string;
  /** Prod data refuses deletion; dev stacks can be destroyed with their contents. */
  protectData: boolean;
  /** Labels every labelled resource carries. */
  resourceLabels: Record<string, string>;
  /** Models that retire soon: reported by `pulumi preview`, not fatal. */
  warnings: string[];
}

const namespace = 'bqtune';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile<StackConfig>(stackConfigSchema);

function invalid(messages: string[]): Error {
  return new Error(`Invalid stack configuration:\n  - ${messages.join('\n  - ')}`);
}

function keyOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter((s) => s !== '');
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return `${namespace}:${segments.join('.')}`;
}

function describe(error: ErrorObject): string | undefined {
  const key = keyOf(error);
  switch (error.keyword) {
    case 'required':
      return `${key} is required`;
    case 'additionalProperties':
      return `${key} is not a known setting`;
    case 'enum':
      return `${key} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return `${key} must match ${String(error.params.pattern)} (got ${JSON.stringify(error.data)})`;
    case 'if':
      // The failed `then` branch is reported by its own `required` error.
      return undefined;
    default:
      return `${key} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Checks raw settings against the stack-config schema and throws one error listing every bad key, so a
 * wrong value fails `pulumi preview` before any resource is planned.
 */
export function validateStackConfig(raw: Record<string, unknown>): StackConfig {
  if (validate(raw)) return raw;
  const messages = [...new Set((validate.errors ?? []).map(describe).filter((m) => m !== undefined))];
  throw invalid(messages);
}

/** Reads every key the schema declares from the `bqtune:` namespace; non-string values arrive as JSON. */
function readRawConfig(config: pulumi.Config): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(stackConfigSchema.properties)) {
    const text = config.get(key);
    if (text === undefined) continue;
    if (property.type === 'string') {
      raw[key] = text;
      continue;
    }
    try {
      raw[key] = JSON.parse(text);
    } catch {
      throw invalid([`${namespace}:${key} must be ${property.type}`]);
    }
  }
  return raw;
}

const projectIdPattern = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Run arguments the workflow takes from its environment (userEnvVars) or its execution, not from the stack. */
const environmentArguments = ['runId', 'project', 'location', 'dataset', 'connection'] as const;

/** userEnvVars values are limited to 4 KiB each. */
const maxEnvValueBytes = 4096;

type Trigger = 'schedule' | 'eventTrigger';

/**
 * A trigger's run arguments as an execution gets them: the configured ones, `data` in the stack's own
 * bucket, and the stack's base endpoint unless the trigger names another. The example stacks therefore
 * never carry another project's bucket.
 */
function resolveTriggerRunArguments(
  trigger: Trigger,
  settings: Settings,
  today: Date,
): Record<string, unknown> | undefined {
  const configured = settings[trigger];
  if (configured === undefined) return undefined;
  const key = `${namespace}:${trigger}.runArguments`;
  const runArguments = configured.runArguments;
  const misplaced = environmentArguments.filter((name) => name in runArguments);
  if (misplaced.length > 0) {
    throw invalid(misplaced.map((name) => `${key}.${name} comes from the stack or the execution; remove it`));
  }
  if ('data' in runArguments) {
    throw invalid([
      `${key}.data comes from ${namespace}:${trigger}.data (object names in the stack's bucket); remove it`,
    ]);
  }
  const model = (runArguments.model ?? {}) as Record<string, unknown>;
  const resolved = {
    ...runArguments,
    data: {
      train: `gs://${settings.bucketName}/${configured.data.train}`,
      eval: `gs://${settings.bucketName}/${configured.data.eval}`,
    },
    model: { ...model, baseEndpoint: model.baseEndpoint ?? settings.baseEndpoint },
  };
  if (trigger === 'eventTrigger' && Buffer.byteLength(JSON.stringify(resolved)) > maxEnvValueBytes) {
    throw invalid([`${key} must fit in ${maxEnvValueBytes} bytes of JSON (a workflow environment variable)`]);
  }
  try {
    validateRunArguments({
      ...resolved,
      // A sample id: the stack leaves runId to the workflow, which gives each execution its own.
      runId: 'triggered',
      project: settings.project,
      location: settings.location,
      dataset: settings.datasetId,
      connection: settings.connectionQualifiedId,
    });
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw invalid(error.issues.map((issue) => `${key}.${issue.message}`));
  }
  const tuningBase = String(resolved.model.baseEndpoint);
  try {
    // The workflow tunes this endpoint: a model BigQuery cannot tune would fail every triggered run.
    parseEndpoint(tuningBase, 'tuning', `${key}.model.baseEndpoint`);
  } catch (error) {
    throw invalid([(error as Error).message]);
  }
  checkLifecycle(tuningBase, 'tuning', `${key}.model.baseEndpoint`, settings, today);
  return resolved;
}

/** batch-predict arguments the workflow takes from its environment or its execution. */
const predictEnvironmentArguments = ['runId', 'project', 'location', 'dataset'] as const;

/**
 * The scheduled batch-predict arguments, with what the environment adds, must be valid arguments; a
 * `source.table` written as `dataset.table` is resolved in the stack's own project, so an example stack
 * names no other project. Returns the arguments the schedule sends.
 */
function resolvePredictSchedule(settings: Settings): Record<string, unknown> | undefined {
  const args = settings.predict?.schedule?.arguments;
  if (args === undefined) return undefined;
  const key = `${namespace}:predict.schedule.arguments`;
  const misplaced = predictEnvironmentArguments.filter((name) => name in args);
  if (misplaced.length > 0) {
    throw invalid(misplaced.map((name) => `${key}.${name} comes from the stack or the execution; remove it`));
  }
  const source = args.source as Record<string, unknown> | undefined;
  const table = source?.table;
  const resolved =
    typeof table === 'string' && table.split('.').length === 2
      ? { ...args, source: { ...source, table: `${settings.project}.${table}` } }
      : args;
  try {
    validateBatchPredictArguments({
      ...resolved,
      project: settings.project,
      location: settings.location,
      dataset: settings.datasetId,
    });
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw invalid(error.issues.map((issue) => `${key}.${issue.message}`));
  }
  return resolved;
}

/** A retired or blocked model fails the preview; one retiring soon adds a warning. */
function checkLifecycle(
  model: string,
  use: 'tuning' | 'generation',
  field: string,
  settings: Settings,
  today: Date,
): void {
  const warningDays = settings.retirementWarningDays ?? defaultRetirementWarningDays;
  const finding = endpointLifecycleFinding(model, use, field, today, warningDays);
  if (finding?.level === 'error') throw invalid([finding.message]);
  if (finding?.level === 'warning') settings.warnings.push(finding.message);
}

/**
 * Settings derived from a validated config; `today` (UTC day) decides whether the models are retired.
 * Throws one error listing what is wrong.
 */
export function deriveSettings(project: string, config: StackConfig, today: Date): Settings {
  if (!projectIdPattern.test(project)) {
    throw invalid([`gcp:project must be a project id (got ${JSON.stringify(project)})`]);
  }
  const connectionId = connectionIdFor(config.namePrefix);
  const baseEndpoint = config.baseEndpoint ?? defaultBaseEndpoint;
  try {
    parseEndpoint(baseEndpoint, 'generation', `${namespace}:baseEndpoint`);
  } catch (error) {
    throw invalid([(error as Error).message]);
  }
  const settings: Settings = {
    ...config,
    project,
    baseEndpoint,
    bucketName: config.bucket.name ?? defaultBucketName(project, config.namePrefix),
    connectionId,
    connectionQualifiedId: `${project}.${config.location}.${connectionId}`,
    protectData: config.environment === 'prod',
    resourceLabels: resourceLabelsFor(config.labels, config.environment),
    warnings: [],
  };
  checkLifecycle(baseEndpoint, 'generation', `${namespace}:baseEndpoint`, settings, today);
  const scheduled = resolveTriggerRunArguments('schedule', settings, today);
  if (settings.schedule && scheduled) settings.schedule = { ...settings.schedule, runArguments: scheduled };
  const evented = resolveTriggerRunArguments('eventTrigger', settings, today);
  if (settings.eventTrigger && evented) {
    settings.eventTrigger = { ...settings.eventTrigger, runArguments: evented };
  }
  const predictArguments = resolvePredictSchedule(settings);
  if (settings.predict?.schedule && predictArguments) {
    settings.predict = {
      ...settings.predict,
      schedule: { ...settings.predict.schedule, arguments: predictArguments },
    };
  }
  return settings;
}

/** The stack's settings, validated once at start-up. */
export function loadSettings(): Settings {
  const project = new pulumi.Config('gcp').require('project');
  const settings = deriveSettings(
    project,
    validateStackConfig(readRawConfig(new pulumi.Config(namespace))),
    new Date(),
  );
  for (const warning of settings.warnings) void pulumi.log.warn(warning);
  return settings;
}
