import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { runLocally } from '../../../cli/local/run-locally';
import type { FaultConfig } from '../../../emulator/bigquery';
import { BigQueryError, httpError, operationError } from '../../../emulator/bigquery/errors';
import { FaultInjector, httpFailureCodes } from '../../../emulator/bigquery/faults';
import { runWorkflow, type ExecutionEvent } from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import { exampleVariant, queryState, table, tempDir } from '../../cli/local/fixtures';

/**
 * Which failures of a BigQuery call the pipeline retries, by behaviour: the compiled pipeline runs in the
 * emulator with faults injected, and each outcome (retried and recovered, given up, not retried at all) is
 * forced. Expected figures come from the injected faults and the test data, not from the pipeline.
 */

const pipeline = 'tune-and-evaluate';
// Small splits keep each run short; the data checks' minimums are lowered to match.
const data = { trainRows: 60, evalRows: 24 };
const checks = { checks: { minTrainRows: 20, minEvalRows: 10 } };

interface Observed {
  status: string;
  error?: string;
  /** jobs.insert calls the workflow made (every attempt of every statement). */
  inserts: number;
  /** Attempts that raised an error at a jobs.insert call. */
  failedInserts: number;
  outcome: Record<string, unknown>;
  stateDir: string;
}

async function runWith(name: string, faults: FaultConfig, overrides: Record<string, unknown> = {}) {
  const stateDir = tempDir(`retry-${name}`);
  let inserts = 0;
  let failedInserts = 0;
  const isInsert = (e: ExecutionEvent) =>
    e.routine === 'run_query' && (e.step === 'insert_job' || e.step === 'insert_long_job');
  const { summary, outcome } = await runLocally({
    configFile: exampleVariant(tempDir(`retry-${name}-config`), { ...checks, ...overrides }, data),
    stateDir,
    runId: `run_${name.toLowerCase()}`,
    faults,
    onEvent: (e) => {
      if (e.type === 'step-start' && isInsert(e)) inserts++;
      if (e.type === 'error' && isInsert(e)) failedInserts++;
    },
  });
  return {
    status: summary.status,
    error: summary.error?.message,
    inserts,
    failedInserts,
    outcome: outcome as Record<string, unknown>,
    stateDir,
  } satisfies Observed;
}

let clean: Observed;
beforeAll(async () => {
  clean = await runWith('clean', {});
  expect(clean.status).not.toBe('failed');
  expect(clean.failedInserts).toBe(0);
});

describe('transient failures are retried and the run completes as if nothing failed', () => {
  // The predicate test below covers every reason and code; these runs prove the pipeline's calls use it.
  test.each([
    ['rateLimitExceeded', 2],
    ['backendError', 2],
  ] as const)('jobs failing with %s (%i of them)', async (reason, count) => {
    const run = await runWith(`job_${reason}`, { jobFailures: { count, reason } });
    expect(run.status).toBe(clean.status);
    expect(run.failedInserts).toBe(count);
    expect(run.inserts).toBe(clean.inserts + count);
  });

  test.each([429, 503] as const)('jobs.insert answered with HTTP %i', async (code) => {
    const run = await runWith(`http_${code}`, { httpFailures: { count: 1, code } });
    expect(run.status).toBe(clean.status);
    expect(run.failedInserts).toBe(1);
    expect(run.inserts).toBe(clean.inserts + 1);
  });

  test('the long tuning job is retried too', async () => {
    const run = await runWith('long_job', {
      jobFailures: { count: 2, reason: 'backendError', statementTypes: ['CREATE_MODEL'] },
    });
    expect(run.status).toBe(clean.status);
    expect(run.failedInserts).toBe(2);
    expect(run.inserts).toBe(clean.inserts + 2);
  });
});

describe('a statement is retried at most 8 times (9 attempts)', () => {
  // The first statement of the run is its `running` record; every attempt of it fails first.
  test('8 failures in a row: the 9th attempt goes through', async () => {
    const run = await runWith('eight', { jobFailures: { count: 8, reason: 'rateLimitExceeded' } });
    expect(run.status).toBe(clean.status);
    expect(run.failedInserts).toBe(8);
  });

  test('9 failures in a row: the run fails with the last error', async () => {
    const run = await runWith('nine', { jobFailures: { count: 9, reason: 'rateLimitExceeded' } });
    expect(run.status).toBe('failed');
    expect(run.failedInserts).toBe(9);
    expect(run.inserts).toBe(9);
    expect(run.error).toBe('HTTP server responded with error code 403');
    expect(JSON.stringify(run.outcome)).toContain('"reason":"rateLimitExceeded"');
  });
});

describe('permanent failures are not retried: the run fails at the first attempt and records why', () => {
  test.each([
    ['invalidQuery', /Syntax error/],
    ['notFound', /Not found: Table/],
  ] as const)('a job failing with %s', async (reason, message) => {
    // SELECT statements run only inside the recorded part of the run (the data checks come first).
    const run = await runWith(`job_${reason}`, {
      jobFailures: { count: 1, reason, statementTypes: ['SELECT'] },
    });
    expect(run.status).toBe('failed');
    expect(run.failedInserts).toBe(1);
    expect(run.error).toMatch(message);
    const rows = await queryState(
      run.stateDir,
      `SELECT status, TO_JSON_STRING(error) AS error FROM ${table('runs')} WHERE run_id = @run AND status <> 'running'`,
      { run: `run_job_${reason.toLowerCase()}` },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('failed');
    expect(String(rows[0].error)).toContain(reason);
  });
});

describe('per-row statuses', () => {
  const evalInputs = (configFile: string) =>
    fs
      .readFileSync(path.join(path.dirname(configFile), 'data', 'eval.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { input_text: string }).input_text);

  test('a row rejected as INVALID_ARGUMENT is generated once, kept as failed, and never retried', async () => {
    const dir = tempDir('retry-rows-config');
    const configFile = exampleVariant(dir, checks, data);
    // A word of some transcripts only, not of the prompt template.
    const word = 'patient';
    const hit = evalInputs(configFile).filter((input) => input.includes(word)).length;
    const rows = data.evalRows;
    expect(hit).toBeGreaterThan(0);
    expect(hit).toBeLessThan(rows);

    const stateDir = tempDir('retry-rows');
    const { summary, outcome } = await runLocally({
      configFile,
      stateDir,
      runId: 'run_rows',
      faults: { rowInvalidArgument: { promptContains: word } },
    });
    const result = outcome as Record<string, Record<string, number>>;
    // One request per eval row and model: baseline and tuned, no second pass for the rejected rows.
    expect(summary.modelInvocations).toBe(2 * rows);
    for (const role of ['baseline', 'tuned'] as const) {
      expect(summary[role]!.successRate).toBeCloseTo((rows - hit) / rows, 10);
      expect(result[role].passes).toBe(1);
      expect(result[role].retryable).toBe(0);
      expect(result[role].succeeded).toBe(rows - hit);
    }
    const stored = await queryState(
      stateDir,
      `SELECT COUNT(*) AS n, MAX(attempt) AS attempts FROM ${table('predictions')} WHERE STARTS_WITH(status, 'INVALID_ARGUMENT')`,
    );
    expect(Number(stored[0].n)).toBe(2 * hit);
    expect(Number(stored[0].attempts)).toBe(1);
  });
});

/**
 * The compiled retry predicate alone, over the error maps the connectors raise: every branch, fast. The
 * runs above prove that the pipeline's BigQuery calls use it.
 */
describe('the compiled is_retryable_error predicate', () => {
  const doc = parse(compiledWorkflowSource(pipeline)) as Record<string, unknown>;
  const source = stringify({
    main: {
      params: ['input'],
      steps: [
        { init: { assign: [{ out: [] }] } },
        {
          each: {
            for: {
              value: 'c',
              in: '${input.cases}',
              steps: [
                { check: { call: 'is_retryable_error', args: { e: '${c}' }, result: 'r' } },
                { keep: { assign: [{ out: '${list.concat(out, r)}' }] } },
              ],
            },
          },
        },
        { done: { return: '${out}' } },
      ],
    },
    is_retryable_error: doc.is_retryable_error,
  });
  const decide = async (cases: unknown[]) => {
    const run = await runWorkflow(source, { argument: { cases } });
    if (run.state !== 'SUCCEEDED') throw new Error(`the predicate failed: ${run.errorJson}`);
    return run.result as boolean[];
  };
  const asHttp = (reason: ConstructorParameters<typeof BigQueryError>[0], message = 'x') =>
    httpError(new BigQueryError(reason, message)).value;
  const asJob = (reason: ConstructorParameters<typeof BigQueryError>[0], message = 'x') =>
    operationError({ jobReference: { jobId: 'j' } }, new BigQueryError(reason, message)).value;
  const http = (code: 429 | 500 | 502 | 503 | 504) =>
    new FaultInjector({ httpFailures: { count: 1, code } }).httpFailure('SELECT')!.value;

  test('retries rate limits, backend and internal errors, 429 and 5xx, and IAM propagation', async () => {
    const retried = [
      asHttp('rateLimitExceeded'),
      asJob('rateLimitExceeded'),
      asJob('backendError'),
      asJob('internalError'),
      { tags: ['OperationError'], message: 'jobBackendError: x' },
      { tags: ['OperationError'], message: 'jobInternalError: x' },
      ...httpFailureCodes.map(http),
      asJob(
        'accessDenied',
        'Access Denied: the connection service account does not have the permission to access the endpoint',
      ),
      asHttp('accessDenied', 'Permission denied while using the connection'),
      asJob('accessDenied', 'Please grant the Vertex AI User role'),
    ];
    expect(await decide(retried)).toEqual(retried.map(() => true));
  });

  test('does not retry invalid queries, missing tables, quota, other 4xx, or anything not a map', async () => {
    const permanent = [
      asJob('invalidQuery', 'Syntax error: Unexpected end of script'),
      asHttp('invalidQuery', 'Syntax error'),
      asJob('notFound', 'Not found: Table p:d.t'),
      asHttp('notFound', 'Not found: Job p:US.j'),
      asJob('quotaExceeded', 'Quota exceeded: Your project exceeded quota for free query bytes scanned'),
      asJob('invalid', 'Invalid value'),
      asHttp('accessDenied', 'Access Denied: Dataset p:d: User does not have bigquery.tables.get'),
      { tags: ['HttpError'], code: 400, message: 'HTTP server responded with error code 400' },
      { tags: ['HttpError'], code: 404, message: 'HTTP server responded with error code 404' },
      // A 5xx code outside an HttpError (e.g. inside a message or another tag) is not an HTTP failure.
      { tags: ['ValueError'], code: 503, message: 'bad value' },
      'rateLimitExceeded',
      ['backendError'],
      503,
    ];
    expect(await decide(permanent)).toEqual(permanent.map(() => false));
  });
});
