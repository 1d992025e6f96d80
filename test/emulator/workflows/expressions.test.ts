import { deployErrors, expr, exprError, exprWith, exprWithError, resultJson } from './run-helper';

/*
 * Expected values are exact JSON: `2` is an integer, `2.0` a double. Cases follow the data-types page
 * (precedence table, `+` conversion table) and the expressions page.
 */

describe('precedence table, one row each (highest first)', () => {
  test('() groups before anything else', async () => {
    expect(await expr('(1 + 2) * 3')).toBe('9');
  });
  test('. member access binds before [] and before arithmetic', async () => {
    expect(await exprWith({ m: '{"a": [10, 20]}' }, 'm.a[1] + 1')).toBe('21');
  });
  test('[] index binds before unary minus', async () => {
    expect(await exprWith({ l: '[4, 5]' }, '-l[1]')).toBe('-5');
  });
  test('not binds tighter than ==, so `not 1 == 1` applies not to 1 (TypeError)', async () => {
    expect(await exprError('not 1 == 1')).toEqual(['TypeError']);
  });
  test('unary minus binds tighter than //: -3 // 2 is (-3) // 2', async () => {
    expect(await expr('-3 // 2')).toBe('-2');
  });
  test('* / // % share one level, left to right', async () => {
    expect(await expr('7 % 4 * 2')).toBe('6');
    expect(await expr('2 * 3 / 4')).toBe('1.5');
  });
  test('+ - sit below * and associate left', async () => {
    expect(await expr('1 + 2 * 3')).toBe('7');
    expect(await expr('10 - 4 - 3')).toBe('3');
  });
  test('comparison, equality and in are one level below + and -', async () => {
    expect(await expr('1 + 1 == 2')).toBe('true');
    expect(await expr('1 + 1 in [2]')).toBe('true');
    expect(await expr('1 < 2 == true')).toBe('true');
  });
  test('and sits below comparison', async () => {
    expect(await expr('1 < 2 and 2 < 3')).toBe('true');
  });
  test('or sits below and', async () => {
    expect(await expr('true or false and false')).toBe('true');
  });
});

// `+` joins strings only with strings. The data-types page's table shows a string for string + number,
// Google's samples always convert with string(...); the emulator takes the stricter reading, so a workflow
// that passes here also passes on Google whichever reading holds there.
describe('+ (data-types page, stricter reading)', () => {
  const cases: [string, string][] = [
    ['1 + 2', '3'],
    ['1 + 2.5', '3.5'],
    ['2.5 + 1', '3.5'],
    ['2.5 + 0.5', '3.0'],
    ['"a" + "b"', '"ab"'],
    ['"count: " + string(42)', '"count: 42"'],
    ['"" + ""', '""'],
  ];
  test.each(cases)('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test.each([
    '"count: " + 42',
    '"4" + 5',
    '4 + "5"',
    '2.5 + "a"',
    '"a" + 2.0',
    '"a" + true',
    'false + "b"',
    '1 + true',
    '2.5 + false',
    'true + 1',
    'true + 1.5',
    'true + false',
    'null + "a"',
    '"a" + null',
    '[1] + [2]',
    '{"a": 1} + {"b": 2}',
    '"a" + ["b"]',
  ])('%s is a TypeError', async (e) => {
    expect(await exprError(e)).toEqual(['TypeError']);
  });
  test('the TypeError is caught by except like any other error', async () => {
    const src = `
- guarded:
    try:
      assign:
        - x: '\${"count: " + 42}'
    except:
      as: e
      steps:
        - caught:
            return: \${e.tags}
`;
    expect(await resultJson(src)).toBe('["TypeError"]');
  });
});

describe('arithmetic: integers and doubles stay distinct', () => {
  test.each([
    ['7 - 2', '5'],
    ['7 - 2.0', '5.0'],
    ['3 * 4', '12'],
    ['3 * 0.5', '1.5'],
    ['4 / 2', '2.0'],
    ['10 / 4', '2.5'],
    ['7 // 2', '3'],
    ['-7 // 2', '-4'],
    ['7.5 // 2', '3.0'],
    ['7 % 3', '1'],
    ['7.5 % 2', '1.5'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test('% takes the sign of the divisor (disputed: chosen so that a == (a // b) * b + a % b with floor //)', async () => {
    expect(await expr('-7 % 3')).toBe('2');
    expect(await expr('7 % -3')).toBe('-2');
  });
  test.each(['1 / 0', '1 // 0', '1 % 0', '1.5 / 0.0'])('%s is a ZeroDivisionError', async (e) => {
    expect(await exprError(e)).toEqual(['ZeroDivisionError']);
  });
  test.each(['"a" - 1', '"a" * 2', '[1] / 2', 'null % 2'])('%s is a TypeError', async (e) => {
    expect(await exprError(e)).toEqual(['TypeError']);
  });
  test('64-bit integers are exact at the edges', async () => {
    expect(await expr('9223372036854775807')).toBe('9223372036854775807');
    expect(await expr('-9223372036854775808')).toBe('-9223372036854775808');
    expect(await expr('9007199254740993 + 0')).toBe('9007199254740993');
  });
  test('integer overflow is a ValueError, not a wrap-around', async () => {
    expect(await exprError('9223372036854775807 + 1')).toEqual(['ValueError']);
    expect(await exprError('-9223372036854775807 - 2')).toEqual(['ValueError']);
    expect(await exprError('4611686018427387904 * 2')).toEqual(['ValueError']);
  });
  test('an integer literal beyond 64 bits is a deploy error', () => {
    expect(deployErrors('- r:\n    return: ${9223372036854775808}\n').join()).toMatch(/64-bit/);
  });
});

describe('comparison, equality and membership', () => {
  test.each([
    ['1 < 1.5', 'true'],
    ['2 >= 2.0', 'true'],
    ['"abc" < "abd"', 'true'],
    ['1 == 1.0', 'true'],
    ['1 == "1"', 'false'],
    ['null == null', 'true'],
    ['null != 0', 'true'],
    ['[1, {"a": 2}] == [1, {"a": 2}]', 'true'],
    ['{"a": 1} == {"a": 1.0}', 'true'],
    ['"a" in {"a": 1}', 'true'],
    ['"b" in {"a": 1}', 'false'],
    ['2 in [1, 2]', 'true'],
    ['[1] in [[1], [2]]', 'true'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test.each(['1 < "a"', 'null < 1', '[1] < [2]', '"x" in "xyz"', '1 in {"a": 1}'])(
    '%s is a TypeError',
    async (e) => {
      expect(await exprError(e)).toEqual(['TypeError']);
    },
  );
});

describe('logical operators', () => {
  test('accept booleans only', async () => {
    expect(await exprError('1 and true')).toEqual(['TypeError']);
    expect(await exprError('not "x"')).toEqual(['TypeError']);
  });
  test('keywords are lower or upper case, and so are boolean literals', async () => {
    expect(await expr('TRUE AND True')).toBe('true');
    expect(await expr('NOT FALSE OR false')).toBe('true');
  });
  test('short-circuit (disputed: not stated by the docs; every emulator and common practice assume it)', async () => {
    expect(await expr('false and 1 / 0 == 1')).toBe('false');
    expect(await expr('true or 1 / 0 == 1')).toBe('true');
  });
});

describe('member and index access', () => {
  const vars = { m: '{"a": {"b": 1}}', l: '[10, 20, 30]' };
  test('nested access', async () => {
    expect(await exprWith(vars, 'm.a.b + m["a"]["b"] + l[2]')).toBe('32');
  });
  test.each([
    ['m.missing', 'KeyError'],
    ['m["missing"]', 'KeyError'],
    ['l[3]', 'IndexError'],
    ['l[-1]', 'IndexError'], // disputed: negative indexes are not Python-style; the docs give no wrap-around
    ['l["0"]', 'TypeError'],
    ['l[1.0]', 'TypeError'],
    ['l.a', 'TypeError'],
    ['m[1]', 'TypeError'],
  ])('%s is a %s', async (e, tag) => {
    expect(await exprWithError(vars, e)).toEqual([tag]);
  });
});

describe('literals and syntax', () => {
  test('string escapes and unicode length', async () => {
    expect(await expr('"a\\"b\\n"')).toBe('"a\\"b\\n"');
    expect(await expr('len("héllo")')).toBe('5');
  });
  test('list and map literals, with expressions as values', async () => {
    expect(await expr('{"k": [1, 2.5, "x", null, true]}')).toBe('{"k":[1,2.5,"x",null,true]}');
  });
  test('a string with text around ${} is a literal, not interpolation (disputed: docs define only whole-value expressions)', async () => {
    expect(await resultJson('- r:\n    return: "Hello ${name}!"\n')).toBe('"Hello ${name}!"');
  });
  test('two ${} in one value are a deploy error', () => {
    expect(deployErrors('- r:\n    return: "${1} and ${2}"\n').join()).toMatch(/invalid expression/);
  });
  test('single-quoted strings inside expressions are a deploy error (docs only show double quotes)', () => {
    expect(deployErrors("- r:\n    return: ${'a'}\n").join()).toMatch(/double quotes/);
  });
  test('unbalanced parentheses are a deploy error naming the step', () => {
    expect(deployErrors('- calc:\n    return: ${(1 + 2}\n').join()).toMatch(
      /main > calc: invalid expression/,
    );
  });
});

describe('expression helpers', () => {
  test.each([
    ['int("42")', '42'],
    ['int(3.9)', '3'],
    ['int(-3.9)', '-3'],
    ['double("2.5")', '2.5'],
    ['double(2)', '2.0'],
    ['double("1e3")', '1000.0'],
    ['string(2)', '"2"'],
    ['string(2.0)', '"2.0"'],
    ['string(0.1)', '"0.1"'],
    ['string(true)', '"true"'],
    ['len([1, 2, 3])', '3'],
    ['len({"a": 1})', '1'],
    ['len("")', '0'],
    ['keys({"b": 1, "a": 2})', '["a","b"]'],
    ['keys({"zeta": 1, "alpha": 2, "mid": 3, "beta": 4})', '["alpha","beta","mid","zeta"]'],
    ['keys({"b": 1, "B": 2, "a": 3, "10": 4, "9": 5, "": 6})', '["","10","9","B","a","b"]'],
    ['keys({"\uffff": 1, "\ud83d\ude00": 2})', '["\uffff","\ud83d\ude00"]'],
    ['default(null, 1)', '1'],
    ['default(0, 1)', '0'],
    ['if(true, "y", "n")', '"y"'],
    ['if(false, "y", "n")', '"n"'],
    ['get_type(1)', '"integer"'],
    ['get_type(1.0)', '"double"'],
    ['get_type("s")', '"string"'],
    ['get_type(true)', '"boolean"'],
    ['get_type(null)', '"null"'],
    ['get_type([])', '"list"'],
    ['get_type({})', '"map"'],
    ['get_type(text.encode("x"))', '"bytes"'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
  test.each([
    ['int("4.5")', 'ValueError'],
    ['int("x")', 'ValueError'],
    ['double("abc")', 'ValueError'],
    ['int(true)', 'TypeError'],
    ['string(null)', 'TypeError'],
    ['string([1])', 'TypeError'],
    ['len(5)', 'TypeError'],
    ['keys([1])', 'TypeError'],
    ['if(1, 2, 3)', 'TypeError'],
  ])('%s is a %s', async (e, tag) => {
    expect(await exprError(e)).toEqual([tag]);
  });
  test('if() evaluates both branches (disputed: it is a function, so arguments are evaluated first)', async () => {
    expect(await exprError('if(true, 1, 1 / 0)')).toEqual(['ZeroDivisionError']);
  });
  test('the type helper is get_type(); type() does not exist (disputed: one emulator offers type())', () => {
    expect(deployErrors('- r:\n    return: ${type(1)}\n').join()).toMatch(/unknown function 'type'/);
  });
  test('unknown functions and wrong arity are deploy errors', () => {
    expect(deployErrors('- r:\n    return: ${nope(1)}\n').join()).toMatch(/unknown function 'nope'/);
    expect(deployErrors('- r:\n    return: ${len(1, 2)}\n').join()).toMatch(
      /len takes 1..1 arguments, got 2/,
    );
  });
  test('blocking functions cannot be called inside expressions', () => {
    expect(deployErrors('- r:\n    return: ${sys.sleep(1)}\n').join()).toMatch(/blocking call/);
  });
});

test('subworkflows can be called inside expressions with positional arguments', async () => {
  const src = `
main:
  steps:
    - r:
        return: \${twice(21) + twice(1, 2)}
twice:
  params: [x]
  steps:
    - r:
        return: \${x * 2}
`;
  expect(deployErrors(src).join()).toMatch(/subworkflow twice takes 1..1 arguments, got 2/);
  const ok = src.replace('twice(1, 2)', 'twice(0.5)');
  expect(await resultJson(ok)).toBe('43.0');
});

// Conversions the docs do not spell out take the stricter reading (emulator/README.md lists them).
describe('implicit conversions: the stricter reading', () => {
  test.each([
    ['if(null, 1, 2)', 'TypeError'],
    ['if(0, 1, 2)', 'TypeError'],
    ['int(" 42")', 'ValueError'],
    ['int("42 ")', 'ValueError'],
    ['double(" 1.5")', 'ValueError'],
    ['text.substring("abcdef", 1.0, 3)', 'TypeError'],
    ['text.substring("abcdef", 1, 3.5)', 'TypeError'],
    ['not 1', 'TypeError'],
    ['1 and true', 'TypeError'],
    ['"1" < 2', 'TypeError'],
    ['[1][0.0]', 'TypeError'],
    ['-"1"', 'TypeError'],
    ['"ab" * 2', 'TypeError'],
  ])('%s is a %s', async (e, tag) => {
    expect(await exprError(e)).toEqual([tag]);
  });
  test.each([
    ['if(true, 1, 2)', '1'],
    ['if(false, 1, 2)', '2'],
    ['int("42")', '42'],
    ['int("-7")', '-7'],
    ['int(2.9)', '2'],
    ['double("1.5")', '1.5'],
    ['text.substring("abcdef", 1, 3)', '"bc"'],
    ['1 == 1.0', 'true'],
    ['"1" == 1', 'false'],
  ])('%s gives %s', async (e, out) => {
    expect(await expr(e)).toBe(out);
  });
});
