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

/**
 * Google's parallel-steps page: "The default policy, continueAll, results in no further action, and all other
 * branches will attempt to run. Note that continueAll is the only policy currently supported." So leaving the
 * policy out and writing it mean the same, and both are run here.
 */
describe.each([
  ['no exception_policy', ''],
  ['exception_policy: continueAll', 'exception_policy: continueAll'],
])('parallel exceptions with %s', (_label, policy) => {
  // `late` is declared first but fails second (t = 3 s); `early` fails at once; `slow` finishes at t = 5 s.
  const failing = `
- init:
    assign:
      - finished: 0
      - late_wrote: false
- par:
    parallel:
      shared: [finished, late_wrote]
      ${policy}
      branches:
        - late:
            steps:
              - wait3:
                  call: sys.sleep
                  args:
                    seconds: 3
              - mark:
                  assign:
                    - late_wrote: true
              - boom:
                  raise:
                    message: late failed
        - slow:
            steps:
              - wait5:
                  call: sys.sleep
                  args:
                    seconds: 5
              - done:
                  assign:
                    - finished: \${finished + 1}
        - early:
            steps:
              - boom2:
                  raise: early
`;

  test('the other branches run to their end; the step then raises one UnhandledBranchError', async () => {
    const res = await run(failing, { clock: new VirtualClock() });
    expect(res.state).toBe('FAILED');
    expect(res.events.some((e) => e.type === 'step-start' && e.step === 'done')).toBe(true);
    expect(res.virtualSeconds).toBe(5);
    const err = res.error as Record<string, unknown>;
    expect(err.tags).toEqual(['UnhandledBranchError']);
    expect(err.message).toBe(
      '2 of 3 branches of par failed with unhandled errors (late: late failed; early: early)',
    );
  });

  test('`branches` holds {id, error} per failed branch in declaration order, not failure order', async () => {
    const err = await failure(failing, { clock: new VirtualClock() });
    expect(err.branches).toEqual([
      { id: 'late', error: { message: 'late failed' } },
      { id: 'early', error: 'early' },
    ]);
  });

  test('an except around the step sees the shared writes of finished and of failed branches', async () => {
    const src = `
- init:
    assign:
      - finished: 0
      - late_wrote: false
- guarded:
    try:
      steps:
${failing
  .split('\n')
  .slice(failing.split('\n').findIndex((l) => l.startsWith('- par:')))
  .map((l) => (l ? '        ' + l : l))
  .join('\n')}
    except:
      as: e
      steps:
        - seen:
            return: \${[finished, late_wrote, e.tags, len(e.branches)]}
`;
    expect(await result(src, { clock: new VirtualClock() })).toEqual([1, true, ['UnhandledBranchError'], 2]);
  });

  test('parallel for: failed iterations are listed by index; the others add their share', async () => {
    const src = `
- init:
    assign:
      - total: 0
- par:
    parallel:
      shared: [total]
      ${policy}
      for:
        value: n
        in: [1, 2, 3, 4]
        steps:
          - even_fails:
              switch:
                - condition: \${n % 2 == 0}
                  raise: \${"even " + string(n)}
          - add:
              assign:
                - total: \${total + n}
`;
    const res = await run(src, { clock: new VirtualClock() });
    expect(res.error).toEqual({
      tags: ['UnhandledBranchError'],
      message: '2 of 4 branches of par failed with unhandled errors (1: even 2; 3: even 4)',
      branches: [
        { id: 1, error: 'even 2' },
        { id: 3, error: 'even 4' },
      ],
    });
    const guarded = src.replace('- par:', '- par_ok:').replace('in: [1, 2, 3, 4]', 'in: [1, 3]');
    expect(await result(guarded + '- r:\n    return: ${total}\n')).toBe(4);
  });

  test('with a concurrency_limit, iterations queued behind a failure still run', async () => {
    const src = `
- init:
    assign:
      - ran: 0
- guarded:
    try:
      steps:
        - par:
            parallel:
              shared: [ran]
              concurrency_limit: 1
              ${policy}
              for:
                value: n
                in: [1, 2, 3]
                steps:
                  - count:
                      assign:
                        - ran: \${ran + 1}
                  - first_fails:
                      switch:
                        - condition: \${n == 1}
                          raise: first
    except:
      as: e
      steps:
        - seen:
            return: \${[ran, e.branches[0].id]}
`;
    expect(await result(src)).toEqual([3, 0]);
  });

  test('an except can hold the errors of 30 failed iterations of 10 KB each: the message does not copy them all', async () => {
    // 30 causes of 10,240 characters are 300 KB in `branches`, under the 512 KB variable limit; a message
    // quoting each one in full doubled that and the `as` variable overflowed the limit.
    const src = `
main:
  params: [args]
  steps:
    - guarded:
        try:
          steps:
            - par:
                parallel:
                  for:
                    value: n
                    range: [1, 30]
                    steps:
                      - fail:
                          raise: \${args.cause}
        except:
          as: e
          steps:
            - seen:
                return: \${[len(e.branches), len(e.message), e.branches[29].id, len(e.branches[29].error)]}
`;
    const cause = 'x'.repeat(10_240);
    const [count, messageLength, lastId, lastLength] = (await result(src, {
      argument: { cause },
    })) as number[];
    expect([count, lastId, lastLength]).toEqual([30, 29, 10_240]);
    expect(messageLength).toBeLessThan(4_096);
    // Twelve short causes: the first ten are quoted, each cut at 200 characters, then how many more failed.
    const bare = `
main:
  params: [args]
  steps:
    - par:
        parallel:
          for:
            value: n
            range: [1, 12]
            steps:
              - fail:
                  raise: \${args.causes[n - 1]}
`;
    const causes = Array.from({ length: 12 }, (_, i) => (i === 0 ? 'y'.repeat(300) : `c${i}`));
    const short = await failure(bare, { argument: { causes } });
    expect((short.branches as unknown[]).length).toBe(12);
    expect(short.message).toBe(
      `12 of 12 branches of par failed with unhandled errors (0: ${'y'.repeat(200)}…; 1: c1; 2: c2; 3: c3; 4: c4; 5: c5; 6: c6; 7: c7; 8: c8; 9: c9; and 2 more)`,
    );
  });
});

describe('parallel exception policy', () => {
  test('an unknown exception_policy is a deploy error', () => {
    const src = `
- par:
    parallel:
      exception_policy: abortAll
      branches:
        - one:
            steps:
              - a:
                  assign:
                    - x: 1
        - two:
            steps:
              - b:
                  assign:
                    - y: 1
`;
    expect(deployErrors(src).join()).toMatch(/only supports continueAll/);
  });

  test('a branch error without a message is quoted as JSON in the step message', async () => {
    const src = JSON.stringify([
      {
        par: {
          parallel: {
            branches: [
              { a: { steps: [{ boom: { raise: { code: 7 } } }] } },
              { b: { steps: [{ ok: { assign: [{ w: 1 }] } }] } },
            ],
          },
        },
      },
    ]);
    const err = await failure(src, { fileName: 'map-error.json' });
    expect(err.message).toBe('1 of 2 branches of par failed with unhandled errors (a: {"code":7})');
  });

  test('cancelling the execution stops branches in the middle of a long real sleep', async () => {
    const sleeper = (name: string) => ({
      [name]: { steps: [{ [`${name}_sleep`]: { call: 'sys.sleep', args: { seconds: 3600 } } }] },
    });
    const src = JSON.stringify([{ par: { parallel: { branches: [sleeper('a'), sleeper('b')] } } }]);
    const started = Date.now();
    const res = await run(src, {
      fileName: 'sleepers.json',
      clock: new RealClock(),
      signal: AbortSignal.timeout(200),
    });
    expect(res.state).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a failure inside a nested parallel step reaches the outer one as an UnhandledBranchError', async () => {
    const src = JSON.stringify([
      {
        outer: {
          parallel: {
            branches: [
              {
                a: {
                  steps: [
                    {
                      inner: {
                        parallel: {
                          branches: [
                            { x: { steps: [{ fail: { raise: 'deep' } }] } },
                            { y: { steps: [{ ok: { assign: [{ v: 1 }] } }] } },
                          ],
                        },
                      },
                    },
                  ],
                },
              },
              { b: { steps: [{ ok2: { assign: [{ w: 1 }] } }] } },
            ],
          },
        },
      },
    ]);
    const err = await failure(src, { fileName: 'nested.json' });
    expect(err.branches).toEqual([
      {
        id: 'a',
        error: {
          tags: ['UnhandledBranchError'],
          message: '1 of 2 branches of inner failed with unhandled errors (x: deep)',
          branches: [{ id: 'x', error: 'deep' }],
        },
      },
    ]);
  });
});

/**
 * The parallel-steps page gives no meaning to a branch or iteration ending its routine or stopping a
 * parallel for, so these are rejected at deploy time (the stricter reading, listed in the README).
 */
describe('leaving a parallel branch or iteration', () => {
  const branches = (inner: string) => `
- par:
    parallel:
      branches:
        - one:
            steps:
${inner}
        - two:
            steps:
              - b:
                  assign:
                    - y: 1
`;
  const pfor = (inner: string) => `
- par:
    parallel:
      for:
        value: n
        in: [1, 2]
        steps:
${inner}
`;
  test('return in a branch is a deploy error', () => {
    expect(deployErrors(branches('              - r:\n                  return: 1')).join()).toMatch(
      /\bpar\b.*return cannot end the routine from inside a parallel branch or iteration/,
    );
  });
  test('return inside a switch of a parallel for iteration is a deploy error', () => {
    const inner =
      '          - s:\n              switch:\n                - condition: true\n                  return: 1';
    expect(deployErrors(pfor(inner)).join()).toMatch(/return cannot end the routine/);
  });
  test('next: end in a branch is a deploy error', () => {
    expect(deployErrors(branches('              - e:\n                  next: end')).join()).toMatch(
      /next: end cannot end the routine/,
    );
  });
  test('break directly in a parallel for is a deploy error', () => {
    expect(deployErrors(pfor('          - b:\n              next: break')).join()).toMatch(
      /'break' cannot stop a parallel for/,
    );
  });
  test('break in a plain for nested in a parallel for is allowed and stops only that loop', async () => {
    const src = `
- init:
    assign:
      - seen: []
- par:
    parallel:
      shared: [seen]
      for:
        value: n
        in: [10]
        steps:
          - inner:
              for:
                value: m
                in: [1, 2, 3]
                steps:
                  - stop_at_2:
                      switch:
                        - condition: \${m == 2}
                          next: break
                  - add:
                      assign:
                        - seen: \${list.concat(seen, n + m)}
- r:
    return: \${seen}
`;
    expect(await result(src)).toEqual([11]);
  });
  test('continue in a parallel for ends that iteration only', async () => {
    const src = `
- init:
    assign:
      - total: 0
- par:
    parallel:
      shared: [total]
      for:
        value: n
        in: [1, 2, 3]
        steps:
          - skip_2:
              switch:
                - condition: \${n == 2}
                  next: continue
          - add:
              assign:
                - total: \${total + n}
- r:
    return: \${total}
`;
    expect(await result(src)).toBe(4);
  });
  test('return in a subworkflow called from a branch is fine', async () => {
    const src = `
main:
  steps:
    - init:
        assign:
          - got: 0
    - par:
        parallel:
          shared: [got]
          branches:
            - one:
                steps:
                  - c:
                      call: seven
                      result: got
            - two:
                steps:
                  - b:
                      assign:
                        - y: 1
    - r:
        return: \${got}
seven:
  steps:
    - r:
        return: 7
`;
    expect(await result(src)).toBe(7);
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
  test('a third level raises ParallelNestingError, which reaches the top wrapped by both enclosing steps', async () => {
    const err = await failure(nested(3), { fileName: 'n.json' });
    expect(err.tags).toEqual(['UnhandledBranchError']);
    const middle = (err.branches as { id: string; error: Record<string, unknown> }[])[0];
    expect(middle.id).toBe('a2');
    const inner = (middle.error.branches as { id: string; error: { tags: string[] } }[])[0];
    expect(inner.id).toBe('a1');
    expect(inner.error.tags).toEqual(['ParallelNestingError']);
  });
});
