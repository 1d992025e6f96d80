import { deployErrors, failure, result } from './run-helper';

/* Scoping rules from the variables page: per (sub)workflow scope, loop and except locals. */

test('variables created inside a for loop are local: reading them after the loop is a deploy error', () => {
  const src = `
- loop:
    for:
      value: v
      in: [1]
      steps:
        - inner:
            assign:
              - created: \${v}
- r:
    return: \${created}
`;
  expect(deployErrors(src).join()).toMatch(/main > r: variable 'created' is not defined here/);
});

test('the loop value and index are local to the loop', () => {
  const src = `
- loop:
    for:
      value: v
      index: i
      in: [1]
      steps:
        - s:
            assign:
              - x: 1
- r:
    return: \${v + i}
`;
  const errors = deployErrors(src).join('\n');
  expect(errors).toMatch(/variable 'v' is not defined here/);
  expect(errors).toMatch(/variable 'i' is not defined here/);
});

test('assigning a variable that exists before the loop updates it', async () => {
  const src = `
- init:
    assign:
      - last: null
- loop:
    for:
      value: v
      in: [1, 2, 3]
      steps:
        - keep:
            assign:
              - last: \${v}
- r:
    return: \${last}
`;
  expect(await result(src)).toBe(3);
});

test('the except variable is local to the except block', () => {
  const src = `
- t:
    try:
      raise: x
    except:
      as: e
      steps:
        - s:
            assign:
              - y: 1
- r:
    return: \${e}
`;
  expect(deployErrors(src).join()).toMatch(/variable 'e' is not defined here/);
});

test('steps blocks and switch bodies share the enclosing scope', async () => {
  const src = `
- block:
    steps:
      - inner:
          assign:
            - a: 1
- sw:
    switch:
      - condition: true
        assign:
          - b: 2
- r:
    return: \${a + b}
`;
  expect(await result(src)).toBe(3);
});

test("a subworkflow sees only its parameters, not the caller's variables", () => {
  const src = `
main:
  steps:
    - init:
        assign:
          - secret: 1
    - c:
        call: peek
peek:
  steps:
    - r:
        return: \${secret}
`;
  expect(deployErrors(src).join()).toMatch(/peek > r: variable 'secret' is not defined here/);
});

test('a subworkflow assigning a name does not change the caller variable of the same name', async () => {
  const src = `
main:
  steps:
    - init:
        assign:
          - x: outer
    - c:
        call: sub
    - r:
        return: \${x}
sub:
  steps:
    - s:
        assign:
          - x: inner
`;
  expect(await result(src)).toBe('outer');
});

test('main receives the whole execution argument in its one parameter; more than one is a deploy error', async () => {
  expect(
    await result('main:\n  params: [input]\n  steps:\n    - r:\n        return: ${input.a}\n', {
      argument: { a: 7 },
    }),
  ).toBe(7);
  expect(deployErrors('main:\n  params: [a, b]\n  steps:\n    - r:\n        return: 1\n').join()).toMatch(
    /at most one parameter/,
  );
});

test('a read before the first assignment passes the deploy check and fails at run time with KeyError', async () => {
  const src = '- early:\n    return: ${later}\n- set:\n    assign:\n      - later: 1\n';
  expect(deployErrors(src)).toEqual([]);
  expect((await failure(src)).tags).toEqual(['KeyError']);
});
