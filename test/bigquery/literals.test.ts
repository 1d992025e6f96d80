import {
  boolLiteral,
  checkColumnName,
  checkIdentifier,
  float64Literal,
  int64Literal,
  int64Param,
  parseConnection,
  stringArrayLiteral,
  stringArrayParam,
  stringLiteral,
  stringParam,
} from '../../bigquery';
import { decodeStringLiteral } from './googlesql';

describe('string literals', () => {
  test.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['say "hi" `x`', '\'say "hi" `x`\''],
    ['a\nb\r\tc', "'a\\u000ab\\u000d\\u0009c'"],
    ['nul\0', "'nul\\u0000'"],
    ['${x}', "'\\u0024\\u007bx}'"],
    ['{{run_id}}', "'\\u007b\\u007brun_id}}'"],
    ['é', "'\\u00e9'"],
    ['\u202eevil\u200b', "'\\u202eevil\\u200b'"],
    ['😀', "'\\U0001f600'"],
    ['', "''"],
  ])('%j -> %s', (value, literal) => {
    expect(stringLiteral(value, 'v')).toBe(literal);
    expect(decodeStringLiteral(literal)).toBe(value);
  });

  test('every code point round-trips', () => {
    let all = '';
    for (let cp = 0; cp < 0x3000; cp++) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    all += '\u{10ffff}\u{1f9d1}\u{e0001}';
    const literal = stringLiteral(all, 'v');
    expect(literal).toMatch(/^[\x20-\x7e]*$/);
    expect(decodeStringLiteral(literal)).toBe(all);
  });

  test('refuses non-strings and lone surrogates, naming the field', () => {
    expect(() => stringLiteral('\udc00', 'prompt_prefix')).toThrow(
      'prompt_prefix: contains an unpaired UTF-16 surrogate',
    );
    expect(() => stringLiteral(5 as never, 'x')).toThrow('x: expected a string');
  });

  test('arrays', () => {
    expect(stringArrayLiteral(['a', "b'"], 'labels')).toBe("['a', 'b\\'']");
    expect(() => stringArrayLiteral(['ok', '\ud800'], 'labels')).toThrow('labels[1]');
  });
});

describe('number and bool literals', () => {
  test('FLOAT64 literals always read as floats; non-finite values are refused', () => {
    expect(float64Literal(1, 'f')).toBe('1.0');
    expect(float64Literal(0, 'f')).toBe('0.0');
    expect(float64Literal(0.25, 'f')).toBe('0.25');
    expect(float64Literal(-2, 'f')).toBe('-2.0');
    expect(float64Literal(1e21, 'f')).toBe('1e+21');
    expect(float64Literal(1e-7, 'f')).toBe('1e-7');
    for (const bad of [NaN, Infinity, -Infinity])
      expect(() => float64Literal(bad, 'temperature')).toThrow('temperature');
  });

  test('INT64 literals are safe integers', () => {
    expect(int64Literal(42, 'n')).toBe('42');
    expect(() => int64Literal(1.5, 'max_iterations')).toThrow('max_iterations: 1.5 is not an integer');
    expect(() => int64Literal(2 ** 60, 'n')).toThrow('n');
  });

  test('booleans', () => {
    expect(boolLiteral(true, 'b')).toBe('TRUE');
    expect(boolLiteral(false, 'b')).toBe('FALSE');
    expect(() => boolLiteral('true' as never, 'flag')).toThrow('flag');
  });
});

describe('query parameters', () => {
  test('REST shapes', () => {
    expect(stringParam('run_id', 'r1')).toEqual({
      name: 'run_id',
      parameterType: { type: 'STRING' },
      parameterValue: { value: 'r1' },
    });
    expect(int64Param('attempt', 2)).toEqual({
      name: 'attempt',
      parameterType: { type: 'INT64' },
      parameterValue: { value: '2' },
    });
    expect(stringArrayParam('labels', ['a', 'b'])).toEqual({
      name: 'labels',
      parameterType: { type: 'ARRAY', arrayType: { type: 'STRING' } },
      parameterValue: { arrayValues: [{ value: 'a' }, { value: 'b' }] },
    });
    expect(() => stringParam('bad-name', 'x')).toThrow('query parameter name "bad-name"');
    expect(() => int64Param('n', 0.5)).toThrow('query parameter n');
  });
});

describe('identifiers', () => {
  test('project ids, including domain-scoped ones', () => {
    expect(checkIdentifier('projectId', 'example.com:my-proj', 'project')).toBe('example.com:my-proj');
    expect(() => checkIdentifier('projectId', 'my_proj', 'args.project')).toThrow(
      'args.project: "my_proj" is not a valid projectId',
    );
  });

  test('connection references split from the right', () => {
    expect(parseConnection('example.com:my-proj.us.conn', 'c')).toEqual({
      project: 'example.com:my-proj',
      location: 'us',
      connectionId: 'conn',
    });
    expect(() => parseConnection('conn', 'args.connection')).toThrow(
      'args.connection: "conn" is not a connection reference',
    );
  });

  test('column names', () => {
    expect(checkColumnName('_x1', 'c')).toBe('_x1');
    expect(() => checkColumnName('1x', 'prompt_col')).toThrow('prompt_col');
    expect(() => checkColumnName('a'.repeat(301), 'prompt_col')).toThrow('prompt_col');
  });
});
