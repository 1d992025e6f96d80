import { ConnectorError } from '../workflows/connector-types';
import { fnv1a } from '../model/rng';
import { BigQueryError } from './errors';
import { Tag } from '../../workflows/facts/error-tags';

/**
 * Reasons a query job can be failed with. `rateLimitExceeded` rejects the jobs.insert request itself (HTTP
 * 403); the others end the job with that `errorResult`. `invalidQuery` and `notFound` are what a statement
 * with a syntax error or a missing table gets, and retrying them cannot help
 * (https://cloud.google.com/bigquery/docs/error-messages).
 */
export const jobFailureReasons = [
  'backendError',
  'internalError',
  'rateLimitExceeded',
  'invalidQuery',
  'notFound',
] as const;

/**
 * HTTP statuses a jobs.insert request can be answered with before any job exists. The body follows the
 * Google API error model (https://cloud.google.com/apis/design/errors): a canonical `status`, no BigQuery
 * `reason`, as from a front end or proxy ("a 5xx response code might be returned by an intermediate server
 * such as a proxy", https://cloud.google.com/bigquery/docs/error-messages).
 */
const httpFailureStatus = {
  429: ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'],
  500: ['INTERNAL', 'Internal error encountered.'],
  502: ['UNAVAILABLE', 'Bad gateway.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
  504: ['DEADLINE_EXCEEDED', 'The request timed out at the gateway.'],
} as const;

export type HttpFailureCode = keyof typeof httpFailureStatus;
export const httpFailureCodes = Object.keys(httpFailureStatus).map(Number) as HttpFailureCode[];

/**
 * Faults to inject, so a workflow's retry paths run for real. Every fault is deterministic: counts are
 * consumed in order, and row failures depend only on the model, the prompt and the attempt number. Every
 * field is optional; an absent field injects nothing of its kind.
 */
export interface FaultConfig {
  /** The first `count` query jobs (of the given statement types, if set) fail with `reason`. Default none. */
  jobFailures?: {
    count: number;
    reason: (typeof jobFailureReasons)[number];
    statementTypes?: string[];
  };
  /**
   * The first `count` jobs.insert requests (of the given statement types, if set) get HTTP status `code`.
   * Default none.
   */
  httpFailures?: { count: number; code: HttpFailureCode; statementTypes?: string[] };
  /**
   * Generation requests whose prompt contains `promptContains` fail, on every attempt, with a 400
   * INVALID_ARGUMENT status: the request itself is rejected (e.g. too many input tokens), so sending it
   * again cannot succeed (https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/api-errors).
   * Default none.
   */
  rowInvalidArgument?: { promptContains: string };
  /**
   * Each generation request fails with RESOURCE_EXHAUSTED with probability `rate` (0–1), at most `maxPerRow`
   * times per prompt. Default none.
   */
  rowResourceExhausted?: { rate: number; maxPerRow: number };
  /** The first N tuning jobs fail after running. Default 0. */
  tuningFailures?: number;
  /**
   * The first N `CREATE MODEL ... REMOTE` statements fail with accessDenied, as while IAM grants propagate.
   * Default 0.
   */
  iamPropagationFailures?: number;
  /**
   * The answers to the first `count` jobs.insert calls (of the given statement types, and with a job id
   * matching the regular expression `jobIdPattern`, if set) are lost: the job is created and runs, but the
   * caller gets a ConnectionError instead of the Job. Default none.
   */
  lostAnswers?: { count: number; statementTypes?: string[]; jobIdPattern?: string };
}

/**
 * Checks a fault configuration (counts non-negative integers, rates in [0, 1], known reasons and codes).
 * @throws Error naming the first bad field as `faults.<field>`.
 */
export function validateFaults(faults: FaultConfig): void {
  const row = faults.rowResourceExhausted;
  if (row && (!(row.rate >= 0 && row.rate <= 1) || !Number.isInteger(row.maxPerRow) || row.maxPerRow < 0)) {
    throw new Error(
      'faults.rowResourceExhausted: rate must be in [0, 1] and maxPerRow a non-negative integer',
    );
  }
  for (const key of ['tuningFailures', 'iamPropagationFailures'] as const) {
    const n = faults[key];
    if (n !== undefined && (!Number.isInteger(n) || n < 0))
      throw new Error(`faults.${key}: expected a non-negative integer`);
  }
  for (const key of ['jobFailures', 'lostAnswers'] as const) {
    const config = faults[key];
    if (config && (!Number.isInteger(config.count) || config.count < 0))
      throw new Error(`faults.${key}.count: expected a non-negative integer`);
  }
  const jobs = faults.jobFailures;
  if (jobs && !(jobFailureReasons as readonly string[]).includes(jobs.reason))
    throw new Error(`faults.jobFailures.reason: expected one of ${jobFailureReasons.join(', ')}`);
  const http = faults.httpFailures;
  if (http && (!Number.isInteger(http.count) || http.count < 0))
    throw new Error('faults.httpFailures.count: expected a non-negative integer');
  if (http && !httpFailureCodes.includes(http.code))
    throw new Error(`faults.httpFailures.code: expected one of ${httpFailureCodes.join(', ')}`);
  const invalid = faults.rowInvalidArgument;
  if (invalid && (typeof invalid.promptContains !== 'string' || invalid.promptContains === ''))
    throw new Error('faults.rowInvalidArgument.promptContains: expected a non-empty string');
}

/**
 * Hands out the faults of one configuration as the emulator meets the points where they strike (a jobs.insert
 * request, a job start, a tuning run, a remote-model creation, a generation request), counting each down.
 * @throws Error from the constructor for an invalid configuration (validateFaults).
 */
export class FaultInjector {
  private jobFailuresLeft: number;
  private httpFailuresLeft: number;
  private tuningFailuresLeft: number;
  private iamFailuresLeft: number;
  private lostAnswersLeft: number;
  private readonly rowFailures = new Map<string, number>();
  private readonly rowAttempts = new Map<string, number>();

  constructor(private readonly faults: FaultConfig) {
    validateFaults(faults);
    this.jobFailuresLeft = faults.jobFailures?.count ?? 0;
    this.httpFailuresLeft = faults.httpFailures?.count ?? 0;
    this.tuningFailuresLeft = faults.tuningFailures ?? 0;
    this.iamFailuresLeft = faults.iamPropagationFailures ?? 0;
    this.lostAnswersLeft = faults.lostAnswers?.count ?? 0;
  }

  /** Called when a job was created; true when the answer to its jobs.insert is to be lost. */
  loseAnswer(statementType: string, jobId: string): boolean {
    const config = this.faults.lostAnswers;
    if (!config || this.lostAnswersLeft === 0) return false;
    if (config.statementTypes && !config.statementTypes.includes(statementType)) return false;
    if (config.jobIdPattern !== undefined && !new RegExp(config.jobIdPattern).test(jobId)) return false;
    this.lostAnswersLeft--;
    return true;
  }

  /** Called when a query job starts; returns the error to fail it with, if one is due. */
  jobFailure(statementType: string): BigQueryError | undefined {
    const config = this.faults.jobFailures;
    if (!config || this.jobFailuresLeft === 0) return undefined;
    if (config.statementTypes && !config.statementTypes.includes(statementType)) return undefined;
    this.jobFailuresLeft--;
    const messages = {
      backendError: 'Backend error. Job aborted. (injected fault)',
      internalError: 'An internal error occurred and the request could not be completed. (injected fault)',
      rateLimitExceeded:
        'Exceeded rate limits: too many concurrent queries for this project. (injected fault)',
      invalidQuery: 'Syntax error: Unexpected end of script at [1:1] (injected fault)',
      notFound:
        'Not found: Table injected-project:injected.missing was not found in location US (injected fault)',
    };
    return new BigQueryError(config.reason, messages[config.reason]);
  }

  /** Called when a jobs.insert request arrives; returns the HttpError to answer it with, if one is due. */
  httpFailure(statementType: string): ConnectorError | undefined {
    const config = this.faults.httpFailures;
    if (!config || this.httpFailuresLeft === 0) return undefined;
    if (config.statementTypes && !config.statementTypes.includes(statementType)) return undefined;
    this.httpFailuresLeft--;
    const [status, message] = httpFailureStatus[config.code];
    return new ConnectorError({
      tags: [Tag.HttpError],
      message: `HTTP server responded with error code ${config.code}`,
      code: config.code,
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: { error: { code: config.code, message: `${message} (injected fault)`, status } },
    });
  }

  /** Called when a tuning run has finished; returns the error to fail its CREATE MODEL with, if one is due. */
  tuningFailure(): BigQueryError | undefined {
    if (this.tuningFailuresLeft === 0) return undefined;
    this.tuningFailuresLeft--;
    return new BigQueryError(
      'invalid',
      'Supervised tuning job failed: the tuning pipeline exited with an error. (injected fault)',
    );
  }

  /**
   * Called when `CREATE MODEL ... REMOTE WITH CONNECTION` runs; returns the accessDenied error Google gives
   * while the connection's grant on Vertex AI propagates, if one is due.
   */
  iamFailure(connection: string, endpoint: string): BigQueryError | undefined {
    if (this.iamFailuresLeft === 0) return undefined;
    this.iamFailuresLeft--;
    return new BigQueryError(
      'accessDenied',
      `Access Denied: The connection ${connection} service account does not have the permission to access or use the endpoint ${endpoint}. Please grant the Vertex AI user role to the service account. (injected fault)`,
    );
  }

  /** The per-row status for one generation request, or undefined when it goes through. */
  rowFailure(model: string, prompt: string, endpoint: string): string | undefined {
    const invalid = this.faults.rowInvalidArgument;
    if (invalid && prompt.includes(invalid.promptContains)) {
      return `INVALID_ARGUMENT error from remote service/endpoint ${endpoint}: the request is not valid for this model. (injected fault)`;
    }
    const config = this.faults.rowResourceExhausted;
    if (!config) return undefined;
    const key = `${model}\u0000${prompt}`;
    const attempt = (this.rowAttempts.get(key) ?? 0) + 1;
    this.rowAttempts.set(key, attempt);
    const failures = this.rowFailures.get(key) ?? 0;
    if (failures >= config.maxPerRow) return undefined;
    if (fnv1a(`${key}\u0000${attempt}`) / 4294967296 >= config.rate) return undefined;
    this.rowFailures.set(key, failures + 1);
    return `A retryable error occurred: RESOURCE EXHAUSTED error from remote service/endpoint ${endpoint}. (injected fault)`;
  }
}
