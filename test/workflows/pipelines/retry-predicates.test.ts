import { parse, stringify } from 'yaml';
import { runWorkflow, VirtualClock } from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';

/**
 * The compiled pipeline's two retry predicates, run in the interpreter on every kind of error they tell
 * apart: a request that may be repeated under the same job id, and a job that ran and failed retryably.
 */
const compiled = parse(compiledWorkflowSource('tune-and-evaluate')) as Record<string, unknown>;

async function classify(predicate: string, errors: unknown[]): Promise<boolean[]> {
  const source = stringify({
    main: {
      params: ['args'],
      steps: [
        { init: { assign: [{ answers: [] }] } },
        {
          each: {
            for: {
              value: 'e',
              in: '${args.errors}',
              steps: [
                { ask: { call: predicate, args: { e: '${e}' }, result: 'answer' } },
                { keep: { assign: [{ answers: '${list.concat(answers, answer)}' }] } },
              ],
            },
          },
        },
        { done: { return: '${answers}' } },
      ],
    },
    [predicate]: compiled[predicate],
  });
  const run = await runWorkflow(source, {
    argument: { errors },
    clock: new VirtualClock(),
    fileName: 'p.yaml',
  });
  expect(run.state).toBe('SUCCEEDED');
  return run.result as boolean[];
}

const http = (code: number, reason: string) => ({
  tags: ['HttpError'],
  code,
  message: `HTTP server responded with error code ${code}`,
  body: { error: { code, errors: [{ reason }] } },
});
const failedJob = (reason: string, message: string) => ({
  tags: ['OperationError'],
  message: `The job finished unsuccessfully: ${reason}: ${message}`,
  operation: { status: { errorResult: { reason, message } } },
});

const errors = {
  'a lost connection': { tags: ['ConnectionError'], message: 'reset' },
  'a failed connection': { tags: ['ConnectionFailedError'], message: 'refused' },
  '503 Service Unavailable': http(503, 'backendError'),
  '429 Too Many Requests': http(429, 'rateLimitExceeded'),
  '403 rateLimitExceeded': http(403, 'rateLimitExceeded'),
  '409 duplicate': http(409, 'duplicate'),
  '400 invalidQuery': http(400, 'invalidQuery'),
  'a job failed with backendError': failedJob('backendError', 'Backend error.'),
  'a transaction cancelled by a concurrent update': failedJob(
    'invalidQuery',
    'Transaction is aborted due to concurrent update against table p:d.champions.',
  ),
  'IAM still propagating': failedJob(
    'accessDenied',
    'The connection service account does not have the permission to use the endpoint.',
  ),
  'a syntax error in a job': failedJob('invalidQuery', 'Syntax error: Unexpected keyword'),
  'a connector timeout': { tags: ['TimeoutError'], message: 'Timed out after 3600s' },
  'not a map': 'a text',
  // The HTTP code alone decides: no transient reason anywhere in the error's text.
  '502 without a reason': {
    tags: ['HttpError'],
    code: 502,
    message: 'HTTP server responded with error code 502',
    body: 'Bad Gateway',
  },
  // Only a map is an error worth reading: a raised text is never retried, whatever it says.
  'a text naming a transient reason': 'rateLimitExceeded',
  // The job ran: a new job id is needed, even when the error also carries a transient HTTP code.
  'a failed job also tagged HttpError': {
    ...failedJob('backendError', 'Backend error.'),
    tags: ['OperationError', 'HttpError'],
    code: 503,
  },
};

test.each([
  // Only failures where the job may or may not exist are repeated under the same id.
  [
    'is_request_retryable',
    [
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ],
  ],
  // A new attempt for transient job failures, concurrent-update cancellations and IAM propagation.
  [
    'is_retryable_error',
    [false, false, true, true, true, false, false, true, true, true, false, false, false, true, false, true],
  ],
])('%s tells the errors apart', async (predicate, expected) => {
  const answers = await classify(predicate as string, Object.values(errors));
  expect(Object.fromEntries(Object.keys(errors).map((k, i) => [k, answers[i]]))).toEqual(
    Object.fromEntries(Object.keys(errors).map((k, i) => [k, (expected as boolean[])[i]])),
  );
});
