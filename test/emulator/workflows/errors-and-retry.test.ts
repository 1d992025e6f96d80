import { VirtualClock } from '../../../emulator/workflows';
import { deployErrors, failure, result, run } from './run-helper';

describe('try / except', () => {
  test('except binds the error map; built-in errors carry tags and message', async () => {
    const src = `
- t:
    try:
      steps:
        - bad:
            assign:
              - x: \${{}["missing"]}
    except:
      as: e
      steps:
        - r:
            return: \${[e.tags, "KeyError" in e.tags, get_type(e.message)]}
`;
    expect(await result(src)).toEqual([['KeyError'], true, 'string']);
  });

  test('raising a string gives the except block the bare string (disputed: our reading of the docs, not a wrapped map)', async () => {
    const src = `
- t:
    try:
      raise: oops
    except:
      as: e
      steps:
        - r:
            return: \${[get_type(e), e]}
`;
    expect(await result(src)).toEqual(['string', 'oops']);
  });

  test('re-raising from except fails the execution with the original map', async () => {
    const src = `
- t:
    try:
      raise:
        code: 404
        message: nope
    except:
      as: e
      steps:
        - again:
            raise: \${e}
`;
    expect(await failure(src)).toEqual({ code: 404, message: 'nope' });
  });

  test('errors inside subworkflows propagate to the caller try', async () => {
    const src = `
main:
  steps:
    - t:
        try:
          call: boom
        except:
          as: e
          steps:
            - r:
                return: \${e.message}
boom:
  steps:
    - b:
        raise:
          message: from sub
`;
    expect(await result(src)).toBe('from sub');
  });

  test('except without as, and a try body that is a single call step', async () => {
    const src = `
- t:
    try:
      call: json.decode
      args:
        data: not json
      result: parsed
    except:
      steps:
        - r:
            return: caught
`;
    expect(await result(src)).toBe('caught');
  });
});

describe('retry', () => {
  const retrying = (predicate: string, maxRetries: number, failTimes: number) => `
main:
  steps:
    - init:
        assign:
          - attempts: 0
    - t:
        try:
          steps:
            - count:
                assign:
                  - attempts: \${attempts + 1}
            - maybe_fail:
                switch:
                  - condition: \${attempts <= ${failTimes}}
                    raise:
                      code: 503
                      message: busy
                      tags: [HttpError]
        retry:
          predicate: ${predicate}
          max_retries: ${maxRetries}
          backoff:
            initial_delay: 1
            max_delay: 3
            multiplier: 2
    - r:
        return: \${attempts}
only_busy:
  params: [e]
  steps:
    - check:
        return: \${e.code == 503}
`;

  test('a subworkflow predicate decides; delays grow by the multiplier up to max_delay, on the virtual clock', async () => {
    const clock = new VirtualClock();
    const res = await run(retrying('${only_busy}', 5, 4), { clock });
    expect(res.result).toBe(5);
    // delays: 1, 2, 3 (capped), 3 (capped)
    expect(res.virtualSeconds).toBe(9);
  });

  test('retries exhausted: the last error propagates', async () => {
    const err = await failure(retrying('${only_busy}', 2, 10));
    expect(err).toEqual({ code: 503, message: 'busy', tags: ['HttpError'] });
  });

  test('retry.never and http.default_retry_predicate are usable predicates', async () => {
    expect((await failure(retrying('${retry.never}', 5, 1))).code).toBe(503);
    expect(await result(retrying('${http.default_retry_predicate}', 5, 2))).toBe(3);
    expect(await result(retrying('${retry.always}', 5, 2))).toBe(3);
  });

  test('${http.default_retry}: retries 503 five times with the default backoff (1 s, x1.25, max 60 s), not 500', async () => {
    const policy = (code: number) => `
- init:
    assign:
      - attempts: 0
- t:
    try:
      steps:
        - count:
            assign:
              - attempts: \${attempts + 1}
        - fail:
            raise:
              code: ${code}
              message: failing
              tags: [HttpError]
    retry: \${http.default_retry}
    except:
      as: e
      steps:
        - r:
            return: \${attempts}
`;
    const clock = new VirtualClock();
    const res = await run(policy(503), { clock });
    expect(res.result).toBe(6);
    expect(res.virtualSeconds).toBeCloseTo(1 + 1.25 + 1.5625 + 1.953125 + 2.44140625, 6);
    expect(await result(policy(500))).toBe(1);
  });

  test('${http.default_retry_non_idempotent}: retries 429 and 503, not 502 or 504', async () => {
    const src = (code: number) => `
- init:
    assign:
      - attempts: 0
- t:
    try:
      steps:
        - count:
            assign:
              - attempts: \${attempts + 1}
        - fail:
            raise:
              code: ${code}
              tags: [HttpError]
    retry: \${http.default_retry_non_idempotent}
    except:
      steps:
        - r:
            return: \${attempts}
`;
    expect(await result(src(429))).toBe(6);
    expect(await result(src(503))).toBe(6);
    expect(await result(src(502))).toBe(1);
    expect(await result(src(504))).toBe(1);
  });

  test('a retry map without backoff is a deploy error', () => {
    const src =
      '- t:\n    try:\n      raise: x\n    retry:\n      predicate: ${retry.always}\n      max_retries: 2\n';
    expect(deployErrors(src).join()).toMatch(/backoff/);
  });

  test('a predicate that does not return a boolean is a TypeError', async () => {
    const src = `
main:
  steps:
    - t:
        try:
          raise: x
        retry:
          predicate: \${bad}
          max_retries: 1
          backoff:
            initial_delay: 1
            max_delay: 1
            multiplier: 1
bad:
  params: [e]
  steps:
    - r:
        return: 1
`;
    expect((await failure(src)).tags).toEqual(['TypeError']);
  });
});
