import { FaultInjector, validateFaults, type FaultConfig } from '../../../emulator/bigquery/faults';

test('bad fault settings are rejected with one line naming the field', () => {
  const bad: [unknown, string][] = [
    [{ jobFailures: { count: 1, reason: 'timeout' } }, 'faults.jobFailures.reason: expected one of'],
    [{ httpFailures: { count: 1, code: 404 } }, 'faults.httpFailures.code: expected one of 429, 500'],
    [{ httpFailures: { count: -1, code: 503 } }, 'faults.httpFailures.count: expected a non-negative'],
    [{ rowInvalidArgument: { promptContains: '' } }, 'faults.rowInvalidArgument.promptContains'],
  ];
  for (const [faults, message] of bad) {
    expect(() => validateFaults(faults as FaultConfig)).toThrow(message);
  }
});

test('HTTP failures hit only the statement types asked for, and only as many as asked', () => {
  const faults = new FaultInjector({ httpFailures: { count: 2, code: 503, statementTypes: ['SELECT'] } });
  expect(faults.httpFailure('INSERT')).toBeUndefined();
  const first = faults.httpFailure('SELECT');
  expect(first?.value).toMatchObject({
    tags: ['HttpError'],
    code: 503,
    body: { error: { code: 503, status: 'UNAVAILABLE' } },
  });
  expect(faults.httpFailure('SELECT')).toBeDefined();
  expect(faults.httpFailure('SELECT')).toBeUndefined();
});

test('an INVALID_ARGUMENT row fails on every attempt, other rows go through', () => {
  const faults = new FaultInjector({ rowInvalidArgument: { promptContains: 'tumour' } });
  for (let attempt = 0; attempt < 3; attempt++) {
    expect(faults.rowFailure('m', 'a tumour of the lung', 'gemini')).toMatch(
      /^INVALID_ARGUMENT error from remote service\/endpoint gemini: /,
    );
  }
  expect(faults.rowFailure('m', 'a cough', 'gemini')).toBeUndefined();
});
