import { run } from './run-helper';

/** The step blamed for a failed execution is where the uncaught error arose, not the last step that raised. */
describe('the failing step of an execution', () => {
  test('an error handled earlier is not blamed for a later uncaught one', async () => {
    const res = await run(`
main:
  steps:
    - lookup:
        try:
          raise:
            code: 404
            message: not found
        except:
          as: e
          steps:
            - missing_is_fine:
                assign:
                  - found: false
    - compute:
        assign:
          - x: \${1 // 0}
    - unreachable:
        return: \${x}
`);
    expect(res.state).toBe('FAILED');
    expect((res.error as { tags: string[] }).tags).toEqual(['ZeroDivisionError']);
    expect(res.failedStep).toEqual({ routine: 'main', step: 'compute' });
  });

  test('re-raising a caught error after recording it blames the step where it arose', async () => {
    const res = await run(`
main:
  steps:
    - guarded:
        try:
          steps:
            - fetch:
                call: load
        except:
          as: e
          steps:
            - record:
                assign:
                  - recorded: \${e.message}
            - fail:
                raise: \${e}
load:
  steps:
    - read_key:
        return: \${map.get({}, "a") + 1}
`);
    expect(res.state).toBe('FAILED');
    expect((res.error as { tags: string[] }).tags).toEqual(['TypeError']);
    expect(res.failedStep).toEqual({ routine: 'load', step: 'read_key' });
  });

  test('raising a new error from an except block blames the raise step', async () => {
    const res = await run(`
main:
  steps:
    - guarded:
        try:
          raise: first
        except:
          as: e
          steps:
            - wrap:
                raise: \${"wrapped " + e}
`);
    expect(res.error).toBe('wrapped first');
    expect(res.failedStep).toEqual({ routine: 'main', step: 'wrap' });
  });

  test('a succeeding execution blames no step', async () => {
    const res = await run(`
- guarded:
    try:
      raise: handled
    except:
      as: e
      steps:
        - done:
            return: ok
`);
    expect(res.state).toBe('SUCCEEDED');
    expect(res.failedStep).toBeUndefined();
  });
});
