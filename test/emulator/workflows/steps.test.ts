import { deployErrors, failure, result, run } from './run-helper';

describe('assign', () => {
  test('entries run in order and later ones see earlier ones', async () => {
    expect(
      await result('- a:\n    assign:\n      - x: 1\n      - y: ${x + 1}\n- r:\n    return: ${[x, y]}\n'),
    ).toEqual([1, 2]);
  });

  test('nested targets: keys, computed keys, list indexes, lists in lists', async () => {
    const src = `
- init:
    assign:
      - m:
          a:
            b: 1
      - l: [[1, 2], [3, 4]]
      - i: 1
      - m.a.c: 2
      - m["k" + "2"]: 3
      - l[i][0]: 30
      - m.a["b"]: 10
- r:
    return: \${[m, l]}
`;
    expect(await result(src)).toEqual([
      { a: { b: 10, c: 2 }, k2: 3 },
      [
        [1, 2],
        [30, 4],
      ],
    ]);
  });

  test('assignment copies by value: changing the copy leaves the original alone', async () => {
    const src = `
- a:
    assign:
      - orig: {k: [1]}
      - copy: \${orig}
      - copy.k[0]: 99
- r:
    return: \${orig.k[0]}
`;
    expect(await result(src)).toBe(1);
  });

  test('assigning past the end of a list is an IndexError; into a missing map level a KeyError', async () => {
    expect((await failure('- a:\n    assign:\n      - l: [1]\n      - l[1]: 2\n')).tags).toEqual([
      'IndexError',
    ]);
    expect((await failure('- a:\n    assign:\n      - m: {}\n      - m.x.y: 2\n')).tags).toEqual([
      'KeyError',
    ]);
  });

  test('an expression can be a map key in a map literal', async () => {
    const src = `
- a:
    assign:
      - k: fruit
      - m:
          \${k}: apple
- r:
    return: \${m.fruit}
`;
    expect(await result(src)).toBe('apple');
  });
});

describe('call', () => {
  test('stdlib call with named args and result', async () => {
    expect(
      await result(
        '- s:\n    call: text.split\n    args:\n      source: a,b\n      separator: ","\n    result: parts\n- r:\n    return: ${parts}\n',
      ),
    ).toEqual(['a', 'b']);
  });

  test('subworkflow with a default parameter; a subworkflow without return gives null', async () => {
    const src = `
main:
  steps:
    - one:
        call: greet
        args:
          name: Ada
        result: a
    - two:
        call: greet
        args:
          name: Bob
          greeting: Hi
        result: b
    - three:
        call: nothing
        result: c
    - r:
        return: \${[a, b, c]}
greet:
  params: [name, greeting: Hello]
  steps:
    - r:
        return: \${greeting + " " + name}
nothing:
  steps:
    - s:
        assign:
          - x: 1
`;
    expect(await result(src)).toEqual(['Hello Ada', 'Hi Bob', null]);
  });

  test('wrong subworkflow arguments are deploy errors', () => {
    const src = `
main:
  steps:
    - c:
        call: sub
        args:
          other: 1
sub:
  params: [needed]
  steps:
    - r:
        return: \${needed}
`;
    const errors = deployErrors(src).join('\n');
    expect(errors).toMatch(/subworkflow sub has no parameter 'other'/);
    expect(errors).toMatch(/subworkflow sub needs argument 'needed'/);
  });

  test('unknown stdlib argument names are deploy errors', () => {
    expect(deployErrors('- c:\n    call: sys.log\n    args:\n      txt: x\n').join()).toMatch(
      /sys.log has no argument 'txt'/,
    );
  });
});

describe('switch', () => {
  const src = `
main:
  params: [args]
  steps:
    - init:
        assign:
          - trail: []
    - pick:
        switch:
          - condition: \${args.x < 0}
            return: negative
          - condition: \${args.x == 0}
            next: zero
          - condition: \${args.x < 10}
            steps:
              - small:
                  assign:
                    - trail: \${list.concat(trail, "small")}
          - condition: true
            assign:
              - trail: \${list.concat(trail, "big")}
    - after:
        assign:
          - trail: \${list.concat(trail, "after")}
        next: done
    - zero:
        assign:
          - trail: \${list.concat(trail, "zero")}
    - done:
        return: \${trail}
`;
  test.each([
    ['{"x": -1}', 'negative'],
    ['{"x": 0}', ['zero']],
    ['{"x": 5}', ['small', 'after']],
    ['{"x": 50}', ['big', 'after']],
  ])('argument %s gives %j', async (arg, out) => {
    expect(await result(src, { argumentJson: arg })).toEqual(out);
  });

  test('no matching condition: the step-level next applies, else the next step', async () => {
    const s = `
- init:
    assign:
      - n: 1
- sw:
    switch:
      - condition: \${n > 5}
        return: big
    next: jumped
- fell:
    return: fell through
- jumped:
    return: jumped
`;
    expect(await result(s)).toBe('jumped');
    expect(await result(s.replace('    next: jumped\n', ''))).toBe('fell through');
  });

  test('a non-boolean condition is a TypeError', async () => {
    expect((await failure('- sw:\n    switch:\n      - condition: ${1}\n        return: x\n')).tags).toEqual([
      'TypeError',
    ]);
  });

  test('more than 50 conditions is a deploy error', () => {
    const conds = Array.from(
      { length: 51 },
      (_, i) => `      - condition: \${${i} == 1}\n        next: end\n`,
    ).join('');
    expect(deployErrors(`- sw:\n    switch:\n${conds}`).join()).toMatch(/at most 50 conditions/);
  });
});

describe('for', () => {
  test('in a list, with index', async () => {
    const src = `
- init:
    assign:
      - out: []
- loop:
    for:
      value: v
      index: i
      in: [a, b, c]
      steps:
        - add:
            assign:
              - out: \${list.concat(out, string(i) + v)}
- r:
    return: \${out}
`;
    expect(await result(src)).toEqual(['0a', '1b', '2c']);
  });

  test('range is inclusive at both ends; doubles step by 1.0; a reversed range runs zero times', async () => {
    const loop = (range: string) => `
- init:
    assign:
      - out: []
- loop:
    for:
      value: v
      range: ${range}
      steps:
        - add:
            assign:
              - out: \${list.concat(out, v)}
- r:
    return: \${out}
`;
    expect(await result(loop('[1, 4]'))).toEqual([1, 2, 3, 4]);
    expect(await result(loop('[0.5, 2.5]'))).toEqual([0.5, 1.5, 2.5]);
    expect(await result(loop('[3, 1]'))).toEqual([]);
    expect(await result(loop('${[2, 3]}'))).toEqual([2, 3]);
  });

  test('range takes exactly [start, end]; a step as third element is a deploy error (disputed: the schema allows two)', () => {
    const src =
      '- f:\n    for:\n      value: v\n      range: [1, 9, 2]\n      steps:\n        - s:\n            next: continue\n';
    expect(deployErrors(src).join()).toMatch(/`range` must be a list of two numbers/);
  });

  test('break and continue', async () => {
    const src = `
- init:
    assign:
      - out: []
- loop:
    for:
      value: v
      range: [1, 10]
      steps:
        - skip_even:
            switch:
              - condition: \${v % 2 == 0}
                next: continue
        - stop:
            switch:
              - condition: \${v > 6}
                next: break
        - add:
            assign:
              - out: \${list.concat(out, v)}
- r:
    return: \${out}
`;
    expect(await result(src)).toEqual([1, 3, 5]);
  });

  test('break and continue outside a loop are deploy errors', () => {
    expect(deployErrors('- a:\n    next: break\n').join()).toMatch(/only allowed inside a for loop/);
  });

  test('iterating a map directly is a TypeError (disputed: we use keys(map), which the docs show)', async () => {
    const src = `
- init:
    assign:
      - m: {a: 1, b: 2}
      - total: 0
- loop:
    for:
      value: k
      in: \${keys(m)}
      steps:
        - add:
            assign:
              - total: \${total + m[k]}
- r:
    return: \${total}
`;
    expect(await result(src)).toBe(3);
    expect((await failure(src.replace('${keys(m)}', '${m}'))).tags).toEqual(['TypeError']);
  });
});

describe('raise, return, steps, next and end', () => {
  test('raise a map: the execution fails with that map', async () => {
    const err = await failure(
      '- a:\n    raise:\n      code: 55\n      message: bad\n      tags: [MyError]\n',
    );
    expect(err).toEqual({ code: 55, message: 'bad', tags: ['MyError'] });
  });

  test('raise a string: the execution fails with that string', async () => {
    const res = await run('- a:\n    raise: plain text\n');
    expect(res.state).toBe('FAILED');
    expect(res.errorJson).toBe('"plain text"');
  });

  test('return inside nested steps ends the workflow', async () => {
    const src = `
- outer:
    steps:
      - inner:
          steps:
            - r:
                return: deep
- never:
    return: shallow
`;
    expect(await result(src)).toBe('deep');
  });

  test('next jumps forward and backward; next: end stops with null', async () => {
    const src = `
- init:
    assign:
      - n: 0
- again:
    assign:
      - n: \${n + 1}
- check:
    switch:
      - condition: \${n < 5}
        next: again
    next: finish
- skipped:
    return: skipped
- finish:
    return: \${n}
`;
    expect(await result(src)).toBe(5);
    expect(await result('- a:\n    next: end\n- b:\n    return: 1\n')).toBeNull();
  });

  test('a jump target that does not exist or is inside another block is a deploy error', () => {
    expect(deployErrors('- a:\n    next: nowhere\n').join()).toMatch(
      /next target 'nowhere' is not reachable/,
    );
    const into = `
- a:
    next: hidden
- block:
    steps:
      - hidden:
          return: 1
`;
    expect(deployErrors(into).join()).toMatch(/next target 'hidden'/);
  });

  test('step names must be unique', () => {
    expect(deployErrors('- a:\n    assign:\n      - x: 1\n- a:\n    return: 1\n').join()).toMatch(
      /already used/,
    );
  });

  test('a workflow that ends without return gives null', async () => {
    expect(await result('- a:\n    assign:\n      - x: 1\n')).toBeNull();
  });
});
