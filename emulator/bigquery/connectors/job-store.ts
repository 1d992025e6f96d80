import { BigQueryError, httpError, notFound } from '../errors';
import { requireString } from './request-args';
import type { JobRecord } from './job-resource';

/** https://cloud.google.com/bigquery/docs/reference/rest/v2/JobReference: letters, digits, `_`, `-`, at most 1,024. */
const jobIdPattern = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * The jobs of one emulator, keyed by project and job id, kept after they finish so jobs.get and
 * jobs.getQueryResults can answer for them.
 */
export class JobStore {
  private readonly jobs = new Map<string, JobRecord>();
  private generated = 0;

  /**
   * The id of a job about to be inserted: the caller's `jobReference.jobId`, or the next generated
   * `bqjob_emulated_NNNNNN` when it has none. Job ids are unique in a project: an id used before is answered
   * `duplicate` (409) whatever became of the first job, so a caller that lost the answer can fetch that job
   * instead of running the statement twice. https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert
   * @throws ConnectorError HttpError 400 (`invalid`) for an id that is not 1–1,024 letters, digits, `_`, `-`;
   *   HttpError 409 (`duplicate`) for an id the project already has.
   */
  claimId(projectId: string, reference: Record<string, unknown>): string {
    const jobId =
      reference.jobId === undefined
        ? `bqjob_emulated_${String(++this.generated).padStart(6, '0')}`
        : reference.jobId;
    if (typeof jobId !== 'string' || !jobIdPattern.test(jobId)) {
      throw httpError(
        new BigQueryError(
          'invalid',
          `Invalid job ID ${JSON.stringify(jobId)}. Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.`,
        ),
      );
    }
    if (this.jobs.has(key(projectId, jobId))) {
      throw httpError(
        new BigQueryError(
          'duplicate',
          `Already Exists: Job ${projectId}:${String(reference.location ?? 'US')}.${jobId}`,
        ),
      );
    }
    return jobId;
  }

  /** Keeps a job under its project and id (claimed with `claimId` first). */
  add(job: JobRecord): void {
    this.jobs.set(key(job.projectId, job.jobId), job);
  }

  /**
   * The job named by a call's `projectId` and `jobId` arguments (jobs.get, jobs.getQueryResults).
   * @throws ConnectorError HttpError 400 (`invalid`) when either argument is missing; HttpError 404
   *   (`notFound`) when the project has no such job.
   */
  find(args: Record<string, unknown>): JobRecord {
    const projectId = requireString(args, 'projectId');
    const jobId = requireString(args, 'jobId');
    const job = this.jobs.get(key(projectId, jobId));
    if (!job)
      throw httpError(notFound(`Not found: Job ${projectId}:${String(args.location ?? 'US')}.${jobId}`));
    return job;
  }
}

const key = (projectId: string, jobId: string): string => `${projectId}/${jobId}`;
