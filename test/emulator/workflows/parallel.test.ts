import { RealClock, VirtualClock } from '../../../emulator/workflows';
import { deployErrors, failure, result, run } from './run-helper';

describe('parallel branches', () => {
  test('branches write shared variables and read parent ones', async () => {
    const src = `
- init:
    assign:
      - base: 10
      - a: 0
      - b: 0
- par:
    parallel:
      shared: [a, b]
      branches:
        - left:
            steps:
              - set_a:
                  assign:
                    - a: \${base + 1}
        - right:
            steps:
              - set_b:
                  assign:
                    - b: \${base + 2}
- r:
    return: \${[a, b]}
`;
    expect(await result(src)).toEqual([11, 12]);
  });

  test('writing a parent variable not listed in shared is a deploy error', () => {
    const src = `
- init:
    assign:
      - a: 0
- par:
    parallel:
      branches:
        - one:
            steps:
              - w:
                  assign:
                    - a: 1
        - two:
            steps:
              - n:
                  assign:
                    - local: 1
`;
    expect(deployErrors(src).join()).toMatch(
      /'a' belongs to the enclosing scope; list it in the parallel step's `shared`/,
    );
  });

  test('a variable created in one branch is not visible after the parallel step (deploy error)', () => {
    const src = `
- par:
    parallel:
      branches:
        - one:
            steps:
              - w:
                  assign:
                    - mine: 1
        - two:
            steps:
              - n:
                  assign:
                    - other: 1
- r:
    return: \${mine}
`;
    expect(deployErrors(src).join()).toMatch(/variable 'mine' is not defined here/);
  });

  test('branches overlap in time: two 10 s sleeps take 10 virtual seconds', async () => {
    const src = `
- par:
    parallel:
      branches:
        - one:
            steps:
              - s:
                  call: sys.sleep
                  args:
                    seconds: 10
        - two:
            steps:
              - s2:
                  call: sys.sleep
                  args:
                    seconds: 10
`;
    const res = await run(src, { clock: new VirtualClock() });
    expect(res.state).toBe('SUCCEEDED');
    expect(res.virtualSeconds).toBe(10);
  });

  test('more than 10 branches is a deploy error', () => {
    const branches = Array.from(
      { length: 11 },
      (_, i) =>
        `        - b${i}:\n            steps:\n              - s${i}:\n                  assign:\n                    - x${i}: 1\n`,
    ).join('');
    expect(deployErrors(`- par:\n    parallel:\n      branches:\n${branches}`).join()).toMatch(
      /at most 10 branches/,
    );
  });
});

describe('parallel for', () => {
  const sleeper = (limit: string) => `
- init:
    assign:
      - total: 0
- par:
    parallel:
      shared: [total]
      ${limit}
      for:
        value: v
        in: [1, 2, 3, 4]
        steps:
          - wait:
              call: sys.sleep
              args:
                seconds: 10
          - add:
              assign:
                - total: \${total + v}
- r:
    return: \${total}
`;
  test('all iterations run at once by default', async () => {
    const res = await run(sleeper(''), { clock: new VirtualClock() });
    expect(res.result).toBe(10);
    expect(res.virtualSeconds).toBe(40 / 4);
  });
  test('concurrency_limit queues the rest: 4 iterations of 10 s two at a time take 20 s', async () => {
    const res = await run(sleeper('concurrency_limit: 2'), { clock: new VirtualClock() });
    expect(res.result).toBe(10);
    expect(res.virtualSeconds).toBe(20);
  });
  test('concurrency_limit may be an expression', async () => {
    const res = await run(sleeper('concurrency_limit: ${1 + 0}'), { clock: new VirtualClock() });
    expect(res.virtualSeconds).toBe(40);
  });
});

describe('parallel exceptions', () => {
  const failing = (policy: string) => `
- init:
    assign:
      - finished: 0
- par:
    parallel:
      shared: [finished]
      ${policy}
      branches:
        - fails:
            steps:
              - boom:
                  raise:
                    message: branch failed
        - slow:
            steps:
              - wait:
                  call: sys.sleep
                  args:
                    seconds: 5
              - done:
                  assign:
                    - finished: \${finished + 1}
        - also_fails:
            steps:
              - wait2:
                  call: sys.sleep
                  args:
                    seconds: 1
              - boom2:
                  raise: second
`;
  test('default policy: the first unhandled error stops the other branches and propagates', async () => {
    const res = await run(failing(''), { clock: new VirtualClock() });
    expect(res.state).toBe('FAILED');
    expect(res.error).toEqual({ message: 'branch failed' });
    expect(res.events.some((e) => e.type === 'step-start' && e.step === 'done')).toBe(false);
  });

  test('default policy: a branch in the middle of a long real sleep is stopped at once', async () => {
    const started = Date.now();
    const res = await run(failing('').replace('seconds: 5', 'seconds: 3600'), { clock: new RealClock() });
    expect(res.state).toBe('FAILED');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('continueAll: every branch runs, then UnhandledBranchError lists the failures', async () => {
    const err = await failure(failing('exception_policy: continueAll'), { clock: new VirtualClock() });
    expect(err.tags).toEqual(['UnhandledBranchError']);
    expect(err.branches).toEqual([
      { id: 'fails', error: { message: 'branch failed' } },
      { id: 'also_fails', error: 'second' },
    ]);
  });

  test('an unknown exception_policy is a deploy error', () => {
    expect(deployErrors(failing('exception_policy: abortAll')).join()).toMatch(/only supports continueAll/);
  });
});

describe('parallel nesting', () => {
  const nested = (depth: number): string => {
    let steps: unknown[] = [{ leaf: { assign: [{ x: 1 }] } }];
    for (let d = 0; d < depth; d++) {
      const other = { [`b${d}`]: { steps: [{ [`n${d}`]: { assign: [{ [`y${d}`]: 1 }] } }] } };
      steps = [{ [`p${d}`]: { parallel: { branches: [{ [`a${d}`]: { steps } }, other] } } }];
    }
    return JSON.stringify(steps);
  };
  test('two levels run', async () => {
    expect((await run(nested(2), { fileName: 'n.json' })).state).toBe('SUCCEEDED');
  });
  test('three levels raise ParallelNestingError', async () => {
    expect((await failure(nested(3), { fileName: 'n.json' })).tags).toEqual(['ParallelNestingError']);
  });
});
