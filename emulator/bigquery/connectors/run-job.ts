import { ConnectorError, type ConnectorContext, type JobClock } from '../../workflows/connector-types';
import { leadingStatementType } from '../engine';
import { BigQueryError, httpError } from '../errors';
import { tokenize } from '../tokenizer';
import type { ConnectorDeps } from './deps';
import type { JobRecord } from './job-resource';
import type { JobStore } from './job-store';
import { bindParameters } from './query-parameters';
import { Tag } from '../../../workflows/facts/error-tags';

/** A query job to insert: the project, its `JobConfigurationQuery`, `jobReference` and labels. */
export interface JobRequest {
  projectId: string;
  /** `configuration.query` of jobs.insert, or the `QueryRequest` body of jobs.query. */
  config: Record<string, unknown>;
  /** `jobId` (absent: one is generated) and `location` (absent: `US`). */
  reference: Record<string, unknown>;
  /** `configuration.labels`; absent: the job has none. */
  labels?: Record<string, string>;
}

/** How the caller hears of the job. */
export interface JobAnswer {
  /** The answer may be lost to an injected `ConnectionError` while the job goes on (jobs.insert); default false. */
  canLoseAnswer?: boolean;
  /**
   * Answer with the job RUNNING and finish it in the background on the virtual clock, when the context can
   * run work after the call answers (`skip_polling`, jobs.query's `timeoutMs`); default false: answer finished.
   */
  detach?: boolean;
}

/**
 * Inserts a query job and runs it: the statement's own failure (a BigQueryError) is kept as the job's error,
 * not thrown. https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert
 * @returns the job's record, DONE unless `answer.detach` let it run on in the background.
 * @throws ConnectorError HttpError 400 (`invalid`) for a configuration without a query, legacy SQL or a bad
 *   job id; HttpError 409 (`duplicate`) for a job id used before; injected HttpErrors (including
 *   `rateLimitExceeded`, 403) before the job exists; an injected `ConnectionError` after it started when
 *   `answer.canLoseAnswer`.
 */
export async function runJob(
  deps: ConnectorDeps,
  jobs: JobStore,
  request: JobRequest,
  ctx: ConnectorContext,
  answer: JobAnswer = {},
): Promise<JobRecord> {
  const sql = queryText(request.config);
  const jobId = jobs.claimId(request.projectId, request.reference);
  const type = statementTypeOf(sql);
  const rejected = deps.faults.httpFailure(type);
  if (rejected) throw rejected;
  const injected = deps.faults.jobFailure(type);
  if (injected?.reason === 'rateLimitExceeded') throw httpError(injected);
  const start = ctx.now();
  const job: JobRecord = {
    projectId: request.projectId,
    jobId,
    location: typeof request.reference.location === 'string' ? request.reference.location : 'US',
    query: sql,
    creationTime: start,
    startTime: start,
    statementType: type,
    endTime: start,
    state: 'RUNNING',
    done: Promise.resolve(),
    labels: request.labels,
  };
  jobs.add(job);
  deps.stats.jobs++;
  deps.stats.jobIds.push(jobId);
  const execute = executor(deps, job, request.config, injected);
  if (answer.canLoseAnswer && deps.faults.loseAnswer(type, jobId)) loseAnswer(job, execute, ctx);
  if (answer.detach && ctx.background) {
    job.done = new Promise<void>((resolve) => {
      ctx.background!((clock) => execute(clock).finally(resolve));
    });
    return job;
  }
  const running = execute({ sleep: ctx.sleep, now: ctx.now });
  job.done = running.then(
    () => undefined,
    () => undefined,
  );
  await running;
  return job;
}

/**
 * The SQL of a query configuration, which must be GoogleSQL (`useLegacySql: false`; the API's default is
 * true). https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationQuery
 */
function queryText(config: Record<string, unknown>): string {
  const sql = config.query;
  if (typeof sql !== 'string' || sql.trim().length === 0) {
    throw httpError(new BigQueryError('invalid', 'Job configuration must contain a query'));
  }
  if (config.useLegacySql !== false) {
    throw httpError(
      new BigQueryError(
        'invalid',
        'Legacy SQL is not emulated: set useLegacySql to false (the API default is true)',
      ),
    );
  }
  return sql;
}

/** The statement type the faults are keyed on, read before the job runs; UNKNOWN when it does not tokenize. */
function statementTypeOf(sql: string): string {
  try {
    return leadingStatementType(tokenize(sql));
  } catch {
    // A statement that does not tokenize fails in the job with its syntax error.
    return 'UNKNOWN';
  }
}

/** Runs the job's statement on a clock and marks it DONE, with its result or its BigQuery error. */
function executor(
  deps: ConnectorDeps,
  job: JobRecord,
  config: Record<string, unknown>,
  injected: BigQueryError | undefined,
): (clock: JobClock) => Promise<void> {
  return async (clock) => {
    try {
      if (injected) throw injected;
      job.result = await deps.engine.execute(job.query, { ...bindParameters(config), ...clock });
    } catch (error) {
      if (!(error instanceof BigQueryError)) throw error;
      job.error = error;
      deps.stats.failedJobs++;
    } finally {
      job.endTime = clock.now();
      job.state = 'DONE';
    }
  };
}

/**
 * An injected lost answer: the job goes on running (jobs.get answers RUNNING until it ends) while the call
 * fails as a reset connection would.
 */
function loseAnswer(
  job: JobRecord,
  execute: (clock: JobClock) => Promise<void>,
  ctx: ConnectorContext,
): never {
  job.done = new Promise<void>((resolve) => {
    if (ctx.background) ctx.background((clock) => execute(clock).finally(resolve));
    else
      execute({ sleep: ctx.sleep, now: ctx.now })
        .catch(() => undefined)
        .finally(resolve);
  });
  throw new ConnectorError({
    tags: [Tag.ConnectionError],
    message: `The connection was reset before the answer to jobs.insert of ${job.jobId} arrived (injected fault)`,
  });
}
