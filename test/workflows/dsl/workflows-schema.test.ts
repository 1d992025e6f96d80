import { expectValidWorkflowYaml } from '../../support/workflows-schema';

const wrap = (step: string) => `main:\n  steps:\n    - s:\n${step}\n    - done:\n        return: 1\n`;

describe('expectValidWorkflowYaml', () => {
  test('rejects structural errors', () => {
    expect(() => expectValidWorkflowYaml(wrap('        assign: []'))).toThrow(/does not match the schema/);
    expect(() => expectValidWorkflowYaml(wrap('        bogus: 1'))).toThrow(
      /must NOT have additional properties/,
    );
    expect(() =>
      expectValidWorkflowYaml('main:\n  params: [a, b]\n  steps:\n    - r:\n        return: 1\n'),
    ).toThrow(/must NOT have more than 1 items/);
  });

  test('accepts an expression concurrency_limit and fractional backoff (documented, schema false negatives)', () => {
    const parallel = [
      '        parallel:',
      '          concurrency_limit: ${n}',
      '          for:',
      '            value: x',
      '            in: [1, 2]',
      '            steps:',
      '              - l:',
      '                  call: sys.log',
      '                  args: { data: "${x}" }',
    ].join('\n');
    expect(() => expectValidWorkflowYaml(wrap(parallel))).not.toThrow();
    const retry = [
      '        try:',
      '          steps:',
      '            - g:',
      '                call: sys.now',
      '        retry:',
      '          predicate: ${http.default_retry_predicate}',
      '          max_retries: ${limit}',
      '          backoff: { initial_delay: 0.5, max_delay: 60, multiplier: 1.25 }',
    ].join('\n');
    expect(() => expectValidWorkflowYaml(wrap(retry))).not.toThrow();
  });

  test('the exception is narrow: a non-expression string concurrency_limit still fails', () => {
    const parallel = [
      '        parallel:',
      '          concurrency_limit: lots',
      '          branches:',
      '            - a: { steps: [ { x: { return: 1 } } ] }',
      '            - b: { steps: [ { y: { return: 2 } } ] }',
    ].join('\n');
    expect(() => expectValidWorkflowYaml(wrap(parallel))).toThrow(/concurrency_limit must be integer/);
  });
});
