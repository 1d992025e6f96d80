import { VirtualClock } from '../../../emulator/workflows';
import { deployErrors, failure, run } from './run-helper';

/* Resource limits from the quotas page, each with the error it produces. */

test('100,000 steps per execution, then ResourceLimitError', async () => {
  const src = `
- outer:
    for:
      value: i
      range: [1, 400]
      steps:
        - inner:
            for:
              value: j
              range: [1, 400]
              steps:
                - s:
                    assign:
                      - x: \${j}
`;
  const res = await run(src);
  expect(res.state).toBe('FAILED');
  expect(res.error).toMatchObject({ tags: ['ResourceLimitError'] });
  expect(res.steps).toBe(100_001);
});

test('512 KB of variable memory, then ResourceLimitError', async () => {
  const src = `
- init:
    assign:
      - kb: ""
      - chunks: []
- fill_kb:
    for:
      value: i
      range: [1, 64]
      steps:
        - grow:
            assign:
              - kb: \${kb + "0123456789abcdef"}
- fill:
    for:
      value: i
      range: [1, 600]
      steps:
        - add:
            assign:
              - chunks: \${list.concat(chunks, kb)}
`;
  const err = await failure(src);
  expect(err.tags).toEqual(['ResourceLimitError']);
  expect(err.message).toMatch(/512 KB memory limit/);
});

test('strings longer than 256 KB cannot be stored', async () => {
  const src = `
- init:
    assign:
      - s: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
- grow:
    for:
      value: i
      range: [1, 13]
      steps:
        - double:
            assign:
              - s: \${s + s}
`;
  const err = await failure(src);
  expect(err.tags).toEqual(['ResourceLimitError']);
  expect(err.message).toMatch(/256 KB/);
});

test('call depth: recursion past 20 frames is a RecursionError', async () => {
  const src = (n: number) => `
main:
  steps:
    - c:
        call: down
        args:
          n: ${n}
        result: r
    - r:
        return: \${r}
down:
  params: [n]
  steps:
    - stop:
        switch:
          - condition: \${n == 0}
            return: 0
    - recurse:
        return: \${down(n - 1) + 1}
`;
  expect((await run(src(19))).result).toBe(19);
  expect((await failure(src(20))).tags).toEqual(['RecursionError']);
});

test('at most 20 branches or iterations run at once, whatever concurrency_limit says', async () => {
  const src = `
- par:
    parallel:
      concurrency_limit: 100
      for:
        value: v
        range: [1, 40]
        steps:
          - wait:
              call: sys.sleep
              args:
                seconds: 10
`;
  const res = await run(src, { clock: new VirtualClock() });
  expect(res.virtualSeconds).toBe(20);
});

test('expressions longer than 400 characters are deploy errors', () => {
  const long = Array.from({ length: 140 }, () => '1').join(' + ');
  expect(deployErrors(`- r:\n    return: \${${long}}\n`).join()).toMatch(
    /expression longer than 400 characters/,
  );
});

test('an assign step takes at most 50 entries', () => {
  const entries = Array.from({ length: 51 }, (_, i) => `      - v${i}: ${i}\n`).join('');
  expect(deployErrors(`- a:\n    assign:\n${entries}`).join()).toMatch(/at most 50 entries, found 51/);
  expect(deployErrors(`- a:\n    assign:\n${entries.split('\n').slice(1).join('\n')}`)).toEqual([]);
});

test('sources larger than 128 KB are rejected', () => {
  const big = `- a:\n    return: "${'x'.repeat(130 * 1024)}"\n`;
  expect(deployErrors(big).join()).toMatch(/larger than 128 KB/);
});
