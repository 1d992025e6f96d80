import { ConnectorError } from '../workflows/connector-types';
import { Tag } from '../../workflows/facts/error-tags';

/**
 * BigQuery's error reasons with the HTTP status the API answers with (the "Error messages" table of the
 * BigQuery troubleshooting docs).
 */
export const reasonStatus = {
  accessDenied: 403,
  backendError: 500,
  duplicate: 409,
  internalError: 500,
  invalid: 400,
  invalidQuery: 400,
  notFound: 404,
  quotaExceeded: 403,
  rateLimitExceeded: 403,
  resourcesExceeded: 400,
} as const;

export type ErrorReason = keyof typeof reasonStatus;

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  500: 'INTERNAL',
};

/** An error as BigQuery reports it: in a Job's `status.errorResult`, or as an HTTP error body. */
export class BigQueryError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'BigQueryError';
  }

  get code(): number {
    return reasonStatus[this.reason];
  }

  /** The ErrorProto of a job's status. */
  toErrorProto(): { reason: string; message: string; location?: string } {
    return { reason: this.reason, message: this.message };
  }

  /** The `error` object of an HTTP error response body. */
  toBody(): Record<string, unknown> {
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: [{ message: this.message, domain: 'global', reason: this.reason }],
        status: statusNames[this.code] ?? 'UNKNOWN',
      },
    };
  }
}

/** A statement BigQuery rejects (HTTP 400 when it is the answer to a request). */
export const invalidQuery = (message: string): BigQueryError => new BigQueryError('invalidQuery', message);
/** A table, model, dataset or job that does not exist (HTTP 404 when it is the answer to a request). */
export const notFound = (message: string): BigQueryError => new BigQueryError('notFound', message);

/** What a Workflows connector raises for an HTTP status ≥ 400: an HttpError map carrying the body. */
export function httpError(error: BigQueryError): ConnectorError {
  return new ConnectorError({
    tags: [Tag.HttpError],
    message: `HTTP server responded with error code ${error.code}`,
    code: error.code,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: error.toBody(),
  });
}

/** What the jobs.insert connector raises when the job it polled finished with an errorResult. */
export function operationError(job: Record<string, unknown>, error: BigQueryError): ConnectorError {
  return new ConnectorError({
    tags: [Tag.OperationError],
    message: `The job finished unsuccessfully: ${error.reason}: ${error.message}`,
    operation: job,
  });
}
