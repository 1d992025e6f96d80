import { only, ofType, runProgram, stackConfig, types, type ProgramRun } from './harness';

/** The dev example with the opposite audit-log choice: the project's audit configuration is left alone. */
let run: ProgramRun;

beforeAll(async () => {
  const config = stackConfig('dev');
  const eventTrigger = JSON.parse(config['bqtune:eventTrigger']) as Record<string, unknown>;
  run = await runProgram('dev', {
    ...config,
    'gcp:project': 'fresh-project-4821',
    'bqtune:eventTrigger': JSON.stringify({ ...eventTrigger, auditLogs: 'already-enabled' }),
  });
});

test('with auditLogs already-enabled the stack creates no audit configuration', () => {
  expect(ofType(run, types.auditConfig)).toHaveLength(0);
});

test('the trigger still filters the audit-log event on the upload prefix', () => {
  expect(only(run, types.eventarc).inputs.matchingCriterias).toEqual(
    expect.arrayContaining([
      { attribute: 'type', value: 'google.cloud.audit.log.v1.written' },
      {
        attribute: 'resourceName',
        operator: 'match-path-pattern',
        value: '/projects/_/buckets/fresh-project-4821-bqtune-dev-data/objects/training/**',
      },
    ]),
  );
});
