import { parseWorkflowSource } from '../../../emulator/workflows';
import { deployErrors, result, resultJson } from './run-helper';

describe('source forms', () => {
  test('YAML: a bare list of steps is main without parameters', async () => {
    expect(await result('- r:\n    return: 1\n')).toBe(1);
  });

  test('JSON: the map form with main and a subworkflow', async () => {
    const source = JSON.stringify({
      main: {
        params: ['a'],
        steps: [{ c: { call: 'inc', args: { x: '${a.n}' }, result: 'r' } }, { done: { return: '${r}' } }],
      },
      inc: { params: ['x'], steps: [{ r: { return: '${x + 1}' } }] },
    });
    expect(await result(source, { fileName: 'flow.json', argument: { n: 41 } })).toBe(42);
  });

  test('JSON: a bare list of steps, with doubles written as 1.0 kept as doubles', async () => {
    expect(await resultJson('[{"r": {"return": [1, 1.0]}}]', { fileName: 'flow.json' })).toBe('[1,1.0]');
  });

  test('YAML keeps 1 and 1.0 apart too', async () => {
    expect(await resultJson('- r:\n    return: [1, 1.0, 2.5e0]\n')).toBe('[1,1.0,2.5]');
  });
});

describe('structural deploy errors', () => {
  test.each([
    ['a map without main', 'sub:\n  steps:\n    - r:\n        return: 1\n', /needs a `main` entry/],
    ['an unknown step field', '- a:\n    asign:\n      - x: 1\n', /unknown step field 'asign'/],
    [
      'two kinds in one step',
      '- a:\n    return: 1\n    raise: x\n',
      /a step has one kind, found raise and return/,
    ],
    ['args without call', '- a:\n    args:\n      x: 1\n    next: end\n', /`args`\/`result` need `call`/],
    [
      'retry without try',
      '- a:\n    retry: ${http.default_retry}\n    next: end\n',
      /`retry`\/`except` need `try`/,
    ],
    ['try without retry or except', '- a:\n    try:\n      return: 1\n', /needs `retry`, `except` or both/],
    ['a step with nothing to do', '- a: {}\n', /does nothing/],
    ['a step that is not a one-key map', '- a:\n    return: 1\n  b:\n    return: 2\n', /exactly one key/],
    [
      'for with both in and range',
      '- f:\n    for:\n      value: v\n      in: [1]\n      range: [1, 2]\n      steps:\n        - s:\n            next: continue\n',
      /exactly one of `in` and `range`/,
    ],
    [
      'range given as two expressions',
      '- f:\n    for:\n      value: v\n      range: ["${1}", "${2}"]\n      steps:\n        - s:\n            next: continue\n',
      /two numbers, or one expression/,
    ],
    ['a YAML syntax error', '- a:\n  return: [1\n', /YAML/],
    ['duplicate YAML keys', '- a:\n    return: 1\n    return: 2\n', /YAML/],
    ['a reserved step name', '- end:\n    return: 1\n', /'end' is reserved/],
    [
      'a missing subworkflow steps',
      'main:\n  steps:\n    - r:\n        return: 1\nsub:\n  params: [x]\n',
      /sub: `steps` is required/,
    ],
  ])('%s', (_name, src, message) => {
    expect(deployErrors(src).join('\n')).toMatch(message);
  });

  test('all problems are reported at once, each naming where it is', () => {
    const errors = parseWorkflowSource('- a:\n    asign: 1\n- b:\n    return: ${1 +}\n').deployErrors;
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^main > a: /);
    expect(errors[2]).toMatch(/^main > b: invalid expression/);
  });
});
