import { ConnectorError, type ConnectorContext, type ConnectorRegistry } from '../workflows/connector-types';
import type { Engine, ExecutionContext } from './engine';
import { statementType } from './engine';
import { BigQueryError, httpError, notFound, operationError } from './errors';
import type { FaultInjector } from './faults';
import { jobReference, jobResource, page, type JobRecord } from './jobs';
import { connectionName, displayModel, type ModelCatalog } from './models';
import { tableExpiration } from './table-options';
import { tokenize } from './tokenizer';
import { bindRestParameter, schemaField, type BoundValue, type QueryParameter } from './values';
import { tableName, type Warehouse } from './warehouse';

/**
 * The Workflows BigQuery connectors (`googleapis.bigquery.v2.*`), answering with BigQuery's REST resources
 * and failing the way the connector does: HttpError maps for rejected requests, OperationError when a job
 * that jobs.insert waited for finished with an errorResult.
 */
export interface ConnectorDeps {
  engine: Engine;
  warehouse: Warehouse;
  catalog: ModelCatalog;
  faults: FaultInjector;
  stats: { jobs: number; failedJobs: number; jobIds: string[] };
}

/** Default `connector_params.timeout` of a Workflows connector call, in seconds. */
const defaultTimeout = 1800;

function requireString(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw httpError(new BigQueryError('invalid', `Required parameter is missing: ${name}`));
  }
  return value;
}

function bindParameters(config: Record<string, unknown>): Pick<ExecutionContext, 'params' | 'positional'> {
  const list = config.queryParameters;
  const params = new Map<string, BoundValue>();
  const positional: BoundValue[] = [];
  if (list === undefined) return { params, positional };
  if (!Array.isArray(list)) throw new BigQueryError('invalid', 'queryParameters must be a list');
  const mode = String(
    config.parameterMode ?? (list.some((p) => (p as QueryParameter).name) ? 'NAMED' : 'POSITIONAL'),
  ).toUpperCase();
  list.forEach((raw, i) => {
    const param = raw as QueryParameter;
    if (mode === 'NAMED') {
      if (!param.name)
        throw new BigQueryError('invalid', `queryParameters[${i}]: a named parameter needs a name`);
      params.set(param.name, bindRestParameter(param, `@${param.name}`));
    } else positional.push(bindRestParameter(param, `${i + 1}`));
  });
  return { params, positional };
}

export function createConnectors(deps: ConnectorDeps): ConnectorRegistry {
  const jobs = new Map<string, JobRecord>();
  const jobIdPattern = /^[A-Za-z0-9_-]{1,1024}$/;
  let counter = 0;
  const key = (projectId: string, jobId: string): string => `${projectId}/${jobId}`;

  /**
   * Inserts a query job and runs it. With `detach` and a context that can run work after the call answers,
   * the job is returned RUNNING and finishes in the background on the virtual clock (`skip_polling`,
   * `jobs.query`'s `timeoutMs`); otherwise it is returned finished.
   */
  async function runJob(
    projectId: string,
    config: Record<string, unknown>,
    reference: Record<string, unknown>,
    ctx: ConnectorContext,
    labels?: Record<string, string>,
    canLoseAnswer = false,
    detach = false,
  ): Promise<JobRecord> {
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
    const jobId =
      reference.jobId === undefined
        ? `bqjob_emulated_${String(++counter).padStart(6, '0')}`
        : reference.jobId;
    if (typeof jobId !== 'string' || !jobIdPattern.test(jobId)) {
      // https://cloud.google.com/bigquery/docs/reference/rest/v2/JobReference: letters, digits, `_`, `-`, at most 1,024.
      throw httpError(
        new BigQueryError(
          'invalid',
          `Invalid job ID ${JSON.stringify(jobId)}. Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.`,
        ),
      );
    }
    // Job ids are unique in a project: inserting one again is answered `duplicate` (409) whatever became of the
    // first job, so a caller that lost the answer can fetch that job instead of running the statement twice.
    if (jobs.has(key(projectId, jobId))) {
      throw httpError(
        new BigQueryError(
          'duplicate',
          `Already Exists: Job ${projectId}:${String(reference.location ?? 'US')}.${jobId}`,
        ),
      );
    }
    let type = 'UNKNOWN';
    try {
      type = statementType(tokenize(sql));
    } catch {
      // A statement that does not tokenize fails in the job below with its syntax error.
    }
    const rejected = deps.faults.httpFailure(type);
    if (rejected) throw rejected;
    const injected = deps.faults.jobFailure(type);
    if (injected?.reason === 'rateLimitExceeded') throw httpError(injected);
    const start = ctx.now();
    const job: JobRecord = {
      projectId,
      jobId,
      location: typeof reference.location === 'string' ? reference.location : 'US',
      query: sql,
      creationTime: start,
      startTime: start,
      statementType: type,
      endTime: start,
      state: 'RUNNING',
      done: Promise.resolve(),
      labels,
    };
    jobs.set(key(projectId, jobId), job);
    deps.stats.jobs++;
    deps.stats.jobIds.push(jobId);
    const execute = async (clock: { sleep(seconds: number): Promise<void>; now(): number }) => {
      try {
        if (injected) throw injected;
        job.result = await deps.engine.execute(sql, { ...bindParameters(config), ...clock });
      } catch (error) {
        if (!(error instanceof BigQueryError)) throw error;
        job.error = error;
        deps.stats.failedJobs++;
      } finally {
        job.endTime = clock.now();
        job.state = 'DONE';
      }
    };
    if (canLoseAnswer && deps.faults.loseAnswer(type, jobId)) {
      // The job goes on running (jobs.get answers RUNNING until it ends); only its answer is lost.
      job.done = new Promise<void>((resolve) => {
        if (ctx.background) ctx.background((clock) => execute(clock).finally(resolve));
        else
          execute({ sleep: ctx.sleep, now: ctx.now })
            .catch(() => undefined)
            .finally(resolve);
      });
      throw new ConnectorError({
        tags: ['ConnectionError'],
        message: `The connection was reset before the answer to jobs.insert of ${jobId} arrived (injected fault)`,
      });
    }
    if (detach && ctx.background) {
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

  /** `timeoutMs` of jobs.query and jobs.getQueryResults, in seconds (REST reference default: 10 s). */
  function timeoutSeconds(value: unknown): number {
    if (value === undefined || value === null) return 10;
    const ms = Number(value);
    if (!Number.isFinite(ms) || ms < 0) {
      throw httpError(new BigQueryError('invalid', `Invalid timeoutMs: ${String(value)}`));
    }
    return ms / 1000;
  }

  /** Waits for a job up to `seconds` of virtual time; false when it is still running. */
  async function settled(job: JobRecord, seconds: number, ctx: ConnectorContext): Promise<boolean> {
    if (job.state === 'DONE') return true;
    // Without a clock to wait on (a direct caller), a job still running is reported as it is.
    return ctx.waitFor ? ctx.waitFor(job.done, seconds) : false;
  }

  function incomplete(kind: string, job: JobRecord): Record<string, unknown> {
    return { kind, jobReference: jobReference(job), jobComplete: false };
  }

  function findJob(args: Record<string, unknown>): JobRecord {
    const projectId = requireString(args, 'projectId');
    const jobId = requireString(args, 'jobId');
    const job = jobs.get(key(projectId, jobId));
    if (!job)
      throw httpError(notFound(`Not found: Job ${projectId}:${String(args.location ?? 'US')}.${jobId}`));
    return job;
  }

  const registry: ConnectorRegistry = new Map();

  registry.set('googleapis.bigquery.v2.jobs.insert', async (args, ctx) => {
    const projectId = requireString(args, 'projectId');
    const body = (args.body ?? {}) as Record<string, unknown>;
    const configuration = (body.configuration ?? {}) as Record<string, unknown>;
    const query = configuration.query as Record<string, unknown> | undefined;
    if (!query)
      throw httpError(
        new BigQueryError('invalid', 'Only query jobs are emulated: configuration.query is required'),
      );
    // The Workflows interpreter passes parsed connector_params; a direct caller may pass only the raw map.
    // skip_polling: the connector answers once the job is inserted (RUNNING); the workflow polls jobs.get.
    // https://cloud.google.com/workflows/docs/reference/googleapis/bigquery/v2/jobs/insert
    const skipPolling = ctx.skipPolling ?? ctx.connectorParams?.skip_polling === true;
    const job = await runJob(
      projectId,
      query,
      (body.jobReference ?? {}) as Record<string, unknown>,
      ctx,
      configuration.labels as Record<string, string> | undefined,
      true,
      skipPolling,
    );
    const resource = jobResource(job);
    const timeout = ctx.timeout ?? Number(ctx.connectorParams?.timeout ?? defaultTimeout);
    if (skipPolling) return resource;
    if (job.endTime - job.startTime > timeout) {
      throw new ConnectorError({
        tags: ['TimeoutError'],
        message: `Timed out after ${timeout}s waiting for job ${job.jobId}`,
      });
    }
    if (job.error) throw operationError(resource, job.error);
    return resource;
  });

  registry.set('googleapis.bigquery.v2.jobs.query', async (args, ctx) => {
    const projectId = requireString(args, 'projectId');
    const body = (args.body ?? {}) as Record<string, unknown>;
    // timeoutMs (default 10 s): a statement still running then answers jobComplete: false with its job
    // reference, and the caller polls jobs.getQueryResults.
    // https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query
    const wait = timeoutSeconds(body.timeoutMs);
    const job = await runJob(
      projectId,
      body,
      { location: body.location, jobId: undefined },
      ctx,
      body.labels as Record<string, string> | undefined,
      false,
      true,
    );
    if (!(await settled(job, wait, ctx))) return incomplete('bigquery#queryResponse', job);
    if (job.error) throw httpError(job.error);
    const result = job.result!;
    return {
      kind: 'bigquery#queryResponse',
      jobReference: jobReference(job),
      jobComplete: true,
      totalBytesProcessed: '0',
      cacheHit: false,
      ...(result.numDmlAffectedRows !== undefined
        ? { numDmlAffectedRows: String(result.numDmlAffectedRows) }
        : {}),
      ...pageOrThrow(job, body.maxResults, undefined, undefined),
    };
  });

  registry.set('googleapis.bigquery.v2.jobs.getQueryResults', async (args, ctx) => {
    const job = findJob(args);
    if (!(await settled(job, timeoutSeconds(args.timeoutMs), ctx))) {
      return incomplete('bigquery#getQueryResultsResponse', job);
    }
    if (job.error) throw httpError(job.error);
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference: jobReference(job),
      jobComplete: true,
      totalBytesProcessed: '0',
      cacheHit: false,
      ...(job.result?.numDmlAffectedRows !== undefined
        ? { numDmlAffectedRows: String(job.result.numDmlAffectedRows) }
        : {}),
      ...pageOrThrow(job, args.maxResults, args.pageToken, args.startIndex),
    };
  });

  registry.set('googleapis.bigquery.v2.jobs.get', async (args) => jobResource(findJob(args)));

  registry.set('googleapis.bigquery.v2.models.get', async (args) => {
    const ref = {
      projectId: requireString(args, 'projectId'),
      datasetId: requireString(args, 'datasetId'),
      modelId: requireString(args, 'modelId'),
    };
    const entry = deps.catalog.get(ref);
    if (!entry) throw httpError(notFound(`Not found: Model ${displayModel(ref)}`));
    const { record } = entry;
    const resource: Record<string, unknown> = {
      kind: 'bigquery#model',
      modelReference: { projectId: ref.projectId, datasetId: ref.datasetId, modelId: ref.modelId },
      creationTime: String(record.creationTime),
      lastModifiedTime: String(record.creationTime),
      location: record.connection.location.toUpperCase(),
      remoteModelInfo: { endpoint: record.endpoint, connection: connectionName(record.connection) },
    };
    if (record.training) {
      resource.trainingRuns = [
        {
          startTime: new Date(record.training.startTime).toISOString(),
          trainingOptions: {
            maxIterations: String(record.options.max_iterations ?? 300),
            learnRate: record.training.report.learningRate,
            dataSplitMethod: String(record.options.data_split_method ?? 'AUTO_SPLIT').toUpperCase(),
          },
          results: record.training.report.epochLoss.map((loss, index) => ({ index, trainingLoss: loss })),
        },
      ];
    }
    return resource;
  });

  registry.set('googleapis.bigquery.v2.tables.get', async (args) => {
    const ref = {
      projectId: requireString(args, 'projectId'),
      datasetId: requireString(args, 'datasetId'),
      tableId: requireString(args, 'tableId'),
    };
    await deps.engine.dropExpired();
    const type = await deps.warehouse.tableType(ref);
    if (!type) throw httpError(notFound(`Not found: Table ${ref.projectId}:${ref.datasetId}.${ref.tableId}`));
    const reader = await deps.warehouse.connection.runAndReadAll(`SELECT * FROM ${tableName(ref)} LIMIT 0`);
    const fields = reader.columnNames().map((name, i) => schemaField(name, reader.columnTypes()[i]));
    const count = await deps.warehouse.connection.runAndReadAll(`SELECT count(*) FROM ${tableName(ref)}`);
    // The Table resource's expirationTime: epoch milliseconds, as a string like every int64 in REST.
    const expiration = await tableExpiration(deps.warehouse.connection, ref);
    return {
      kind: 'bigquery#table',
      id: `${ref.projectId}:${ref.datasetId}.${ref.tableId}`,
      tableReference: ref,
      type,
      schema: { fields },
      numRows: String(count.getRowsJson()[0][0]),
      ...(expiration === undefined ? {} : { expirationTime: String(expiration) }),
    };
  });

  return registry;

  function pageOrThrow(
    job: JobRecord,
    maxResults: unknown,
    pageToken: unknown,
    startIndex: unknown,
  ): ReturnType<typeof page> {
    try {
      return page(job, maxResults, pageToken, startIndex);
    } catch {
      throw httpError(new BigQueryError('invalid', `Invalid page token for job ${job.jobId}`));
    }
  }
}
