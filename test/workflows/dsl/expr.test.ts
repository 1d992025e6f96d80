import { builtin, dbl, fn, lit, neg, not, tpl, v } from '../../../workflows/dsl';

const [a, b, c] = [v('a'), v('b'), v('c')];

describe('expression precedence', () => {
  test.each([
    ['(a + b) * c', a.add(b).mul(c)],
    ['a + b * c', a.add(b.mul(c))],
    ['a - b - c', a.sub(b).sub(c)],
    ['a - (b - c)', a.sub(b.sub(c))],
    ['a / b // 2', a.div(b).floorDiv(2)],
    ['a % (b * c)', a.mod(b.mul(c))],
    ['a * b % c', a.mul(b).mod(c)],
    ['not (a == b)', not(a.eq(b))],
    ['not a == b', not(a).eq(b)],
    ['not (a and b)', not(a.and(b))],
    ['a and (b or c)', a.and(b.or(c))],
    ['a or b and c', a.or(b.and(c))],
    ['a and b and c', a.and(b.and(c))],
    ['(a < b) == c', a.lt(b).eq(c)],
    ['a == (b != c)', a.eq(b.ne(c))],
    ['a + 1 >= b * 2', a.add(1).ge(b.mul(2))],
    ['a <= b or a > c', a.le(b).or(a.gt(c))],
    ['"k" in a and not b', lit('k').in(a).and(not(b))],
    ['(a or b) in c', a.or(b).in(c)],
    ['-(a + 1)', neg(a.add(1))],
    ['-a * b', a.neg().mul(b)],
    ['-(-a)', neg(neg(a))],
    ['a - -1', a.sub(-1)],
    ['-2 * a', lit(-2).mul(a)],
    ['not (-a)', not(neg(a))],
    ['a.k[0]["with space"]', a.get('k').at(0).get('with space')],
    ['a["in"].x', a.get('in').get('x')],
    ['(a + b).x', a.add(b).get('x')],
    ['a[b + 1]', a.at(b.add(1))],
    ['len(a) - 1', fn('len', a).sub(1)],
    ['if(a > 0, "pos", "neg")', fn('if', a.gt(0), 'pos', 'neg')],
    ['text.split(a, ",")[0]', fn('text.split', a, ',').at(0)],
    ['default(map.get(a, ["x", "y"]), {})', fn('default', fn('map.get', a, ['x', 'y']), {})],
  ])('%s', (expected, expr) => {
    expect(expr.source).toBe(expected);
  });
});

describe('literals', () => {
  test('ints stay ints and doubles keep a fractional part', () => {
    expect(lit(3).source).toBe('3');
    expect(lit(1.5).source).toBe('1.5');
    expect(dbl(1).source).toBe('1.0');
    expect(dbl(-2).source).toBe('-2.0');
    expect(lit([1, dbl(2), null, true]).source).toBe('[1, 2.0, null, true]');
    expect(lit({ n: 1, 'a key': a }).source).toBe('{"n": 1, "a key": a}');
  });

  test('non-finite and imprecise numbers are rejected', () => {
    expect(() => lit(Number.NaN)).toThrow(/NaN cannot be represented/);
    expect(() => lit(2 ** 60)).toThrow(/outside the exactly representable range/);
  });

  test.each([
    ['quotes', 'say "hi"'],
    ['backslashes', 'C:\\dir\\new'],
    ['newlines', 'SELECT *\nFROM t'],
    ['expression markers', '${not_an_expression}'],
    ['unicode', 'héllo ✓ 🎉 日本'],
    ['a colon and space', 'a: b'],
  ])('string literal with %s round-trips through the documented escapes', (_, s) => {
    const source = lit(s).source;
    expect(source.startsWith('"') && source.endsWith('"')).toBe(true);
    // The produced escapes (\" \\ \n) are a subset of JSON's, so JSON decodes the literal exactly.
    expect(JSON.parse(source)).toBe(s);
  });

  test('escapes are exact', () => {
    expect(lit('a"b\\c\nd').source).toBe('"a\\"b\\\\c\\nd"');
  });

  test('control characters without a documented escape are rejected', () => {
    expect(() => lit('tab\there').source).toThrow(/control character U\+0009/);
  });
});

describe('what an expression records', () => {
  test('variables read', () => {
    const e = a
      .get('x')
      .add(b.at(v('i')))
      .add(fn('len', c));
    expect([...e.reads].sort()).toEqual(['a', 'b', 'c', 'i']);
    expect([...builtin('http.default_retry').reads]).toEqual([]);
    expect([...lit('a').reads]).toEqual([]);
  });

  test('subworkflow calls with their argument count', () => {
    expect(fn('score', a, 2).subworkflowCalls).toEqual([{ name: 'score', argCount: 2 }]);
    expect(fn('len', a).subworkflowCalls).toEqual([]);
  });
});

describe('function calls in expressions', () => {
  test.each(['http.get', 'sys.log', 'sys.sleep', 'events.await_callback', 'googleapis.bigquery.v2.jobs.get'])(
    '%s is blocking and rejected',
    (name) => {
      expect(() => fn(name, 'x')).toThrow(
        `${name} is a blocking call and cannot be used inside an expression`,
      );
    },
  );

  test('arity of helpers and stdlib functions is checked', () => {
    expect(() => fn('len')).toThrow('len() takes 1 argument(s), got 0');
    expect(() => fn('json.encode', a, b, c)).toThrow('json.encode() takes 1 to 2 argument(s), got 3');
  });

  test('unknown stdlib names are rejected', () => {
    expect(() => fn('text.reverse', a)).toThrow('unknown stdlib function text.reverse() in an expression');
  });

  test('invalid variable names are rejected', () => {
    expect(() => v('1x')).toThrow('invalid variable name "1x"');
    expect(() => v('not')).toThrow('invalid variable name "not"');
  });
});

describe('string building', () => {
  test('tpl joins parts with +', () => {
    expect(tpl`gs://${v('bucket')}/train.jsonl`.source).toBe('"gs://" + bucket + "/train.jsonl"');
    expect(tpl`${a}${b}`.source).toBe('a + b');
    expect(tpl`${'plain'}.${a}.${'x'}y`.source).toBe('"plain." + a + ".xy"');
    expect(tpl`only text`.source).toBe('"only text"');
  });

  test('concatenating an Expr into a JS string fails loudly', () => {
    expect(() => 'x' + String(a)).toThrow(/cannot be converted to a string \(a\)/);
  });
});
