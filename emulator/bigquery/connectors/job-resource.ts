/**
 * Finished query jobs, kept so jobs.get and jobs.getQueryResults can answer for them, and the BigQuery REST
 * resources built from them (Job, QueryResponse, GetQueryResultsResponse).
 */
import type { Json } from '@duckdb/node-api';
import type { BigQueryError } from '../errors';
import type { StatementResult } from '../engine';
import { fvRow, type FvRow, type SchemaField } from '../values';

/** One query job as the emulator keeps it, from insertion until the emulator closes. Times are epoch seconds. */
export interface JobRecord {
  projectId: string;
  jobId: string;
  location: string;
  query: string;
  creationTime: number;
  startTime: number;
  endTime: number;
  /** RUNNING from insertion until the statement has finished (`skip_polling`, `timeoutMs`); then DONE. */
  state: 'RUNNING' | 'DONE';
  /** Settles when the statement has finished. */
  done: Promise<void>;
  /** The statement type read from the query text before it ran. */
  statementType: string;
  result?: StatementResult;
  error?: BigQueryError;
  labels?: Record<string, string>;
}

const ms = (seconds: number): string => String(Math.round(seconds * 1000));

/** The job's JobReference: https://cloud.google.com/bigquery/docs/reference/rest/v2/JobReference */
export function jobReference(job: JobRecord): { projectId: string; jobId: string; location: string } {
  return { projectId: job.projectId, jobId: job.jobId, location: job.location };
}

/**
 * The job as a REST Job resource (https://cloud.google.com/bigquery/docs/reference/rest/v2/Job): query
 * configuration, `status` (with `errorResult` once a failed job is DONE) and `statistics` with times in epoch
 * milliseconds as strings (`endTime` only once DONE); byte counts are always "0" (nothing is billed locally).
 * Query statistics carry the DML row count, the DDL operation and target, a CREATE MODEL's `mlStatistics`
 * and the generation counts of ML./AI. table functions (`genAiStats`).
 */
export function jobResource(job: JobRecord): Record<string, unknown> {
  const result = job.result;
  const query: Record<string, unknown> = {
    statementType: result?.statementType,
    totalBytesProcessed: '0',
    totalBytesBilled: '0',
    cacheHit: false,
  };
  if (result?.numDmlAffectedRows !== undefined) query.numDmlAffectedRows = String(result.numDmlAffectedRows);
  if (result?.ddlOperationPerformed) query.ddlOperationPerformed = result.ddlOperationPerformed;
  if (result?.ddlTargetTable) query.ddlTargetTable = result.ddlTargetTable;
  if (result?.training) {
    query.mlStatistics = {
      maxIterations: String(result.training.report.steps),
      modelType: 'LLM',
      trainingType: 'SINGLE_TRAINING',
      iterationResults: result.training.report.epochLoss.map((loss, index) => ({
        index,
        trainingLoss: loss,
        durationMs: String(Math.round(result.training!.durationMs / result.training!.report.epochs)),
      })),
    };
  }
  if (result && result.genAiFunctions.length > 0) {
    query.genAiStats = {
      functionStats: result.genAiFunctions.map((f) => ({
        functionName: f.functionName,
        numProcessedRows: String(f.numProcessedRows),
        errorStats: { numFailedRows: String(f.numFailedRows) },
      })),
    };
  }
  const status: Record<string, unknown> = { state: job.state };
  if (job.state === 'DONE' && job.error) {
    status.errorResult = job.error.toErrorProto();
    status.errors = [job.error.toErrorProto()];
  }
  return {
    kind: 'bigquery#job',
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `https://bigquery.googleapis.com/bigquery/v2/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    jobReference: jobReference(job),
    configuration: {
      jobType: 'QUERY',
      query: { query: job.query, useLegacySql: false, priority: 'INTERACTIVE' },
      ...(job.labels ? { labels: job.labels } : {}),
    },
    status,
    statistics: {
      creationTime: ms(job.creationTime),
      startTime: ms(job.startTime),
      ...(job.state === 'DONE' ? { endTime: ms(job.endTime) } : {}),
      totalBytesProcessed: '0',
      query,
    },
  };
}

export interface Page {
  schema?: { fields: SchemaField[] };
  totalRows?: string;
  rows?: FvRow[];
  pageToken?: string;
}

/**
 * One page of a job's rows, from `pageToken` (which wins) or the 0-based `startIndex` (default 0), at most
 * `maxResults` rows (default all). The page token is opaque to callers; here it encodes the next row offset.
 * A job without a result schema (DML, DDL) has no page: `{}`.
 * @throws Error for a page token this function did not write (callers answer it with HttpError 400).
 */
export function page(job: JobRecord, maxResults: unknown, pageToken: unknown, startIndex: unknown): Page {
  const result = job.result;
  if (!result?.schema) return {};
  const rows: Json[][] = result.rows ?? [];
  let offset = 0;
  if (pageToken !== undefined && pageToken !== null && pageToken !== '') {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(String(pageToken), 'base64url').toString('utf8'));
    if (!decoded) throw new Error('pageToken');
    offset = Number(decoded[1]);
  } else if (startIndex !== undefined && startIndex !== null) offset = Number(startIndex);
  const size = maxResults === undefined || maxResults === null ? rows.length : Number(maxResults);
  const slice = rows.slice(offset, offset + size);
  const next = offset + slice.length;
  const out: Page = {
    schema: { fields: result.schema },
    totalRows: String(rows.length),
    rows: slice.map((row) => fvRow(row, result.schema!)),
  };
  if (next < rows.length) out.pageToken = Buffer.from(`offset:${next}`, 'utf8').toString('base64url');
  return out;
}
