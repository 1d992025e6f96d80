import type { Example } from './example';

/**
 * Examples of https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions (from CONCAT
 * on). BYTES results are compared base64-encoded, as the page prints them.
 */
const page = 'string_functions';

const regexpEmails = ['foo@example.com', 'www.example.net'];
const fullMatch = [
  ['a@foo.com', true, true],
  ['a@foo.computer', false, true],
  ['b@bar.org', true, true],
  ['!b@bar.org', false, true],
  ['c@buz.net', false, false],
] as const;

export const string: Example[] = [
  { sql: `SELECT CONCAT('T.P.', ' ', 'Bar') as author`, expected: 'T.P. Bar' },
  { sql: `SELECT CONCAT('Summer', ' ', 1923) as release_date`, expected: 'Summer 1923' },
  {
    sql: `With Employees AS (SELECT 'John' AS first_name, 'Doe' AS last_name UNION ALL SELECT 'Jane' AS first_name, 'Smith' AS last_name UNION ALL SELECT 'Joe' AS first_name, 'Jackson' AS last_name) SELECT CONCAT(first_name, ' ', last_name) AS full_name FROM Employees`,
    rows: ['John Doe', 'Jane Smith', 'Joe Jackson'],
    unordered: true,
  },
  { sql: `SELECT CONTAINS_SUBSTR('the blue house', 'Blue house') AS result`, expected: true },
  { sql: `SELECT CONTAINS_SUBSTR('the red house', 'blue') AS result`, expected: false },
  { sql: `SELECT EDIT_DISTANCE('a', 'b') AS results`, expected: 1 },
  { sql: `SELECT EDIT_DISTANCE('aa', 'b') AS results`, expected: 2 },
  { sql: `SELECT EDIT_DISTANCE('aa', 'ba') AS results`, expected: 1 },
  { sql: `SELECT EDIT_DISTANCE('abcdefg', 'a', max_distance => 2) AS results`, expected: 2 },
  { sql: `SELECT FROM_BASE32('MFRGGZDF74======') AS byte_data`, expected: 'YWJjZGX/' },
  { sql: `SELECT FROM_BASE64('/+A=') AS byte_data`, expected: '/+A=' },
  { sql: `SELECT FROM_BASE64(REPLACE(REPLACE('_-A=', '-', '+'), '_', '/')) AS binary`, expected: '/+A=' },
  {
    sql: `WITH Input AS (SELECT '00010203aaeeefff' AS hex_str UNION ALL SELECT '0AF' UNION ALL SELECT '666f6f626172') SELECT FROM_HEX(hex_str) AS bytes_str FROM Input`,
    rows: ['AK8=', 'AAECA6ru7/8=', 'Zm9vYmFy'],
    unordered: true,
  },
  { sql: `SELECT INITCAP('Hello World-everyone!') AS initcap_value`, expected: 'Hello World-Everyone!' },
  { sql: `SELECT INITCAP('Apples1oranges2pears' , '12') AS initcap_value`, expected: 'Apples1Oranges2Pears' },
  ...(
    [
      ["INSTR('banana', 'an', 1, 1)", 2],
      ["INSTR('banana', 'an', 1, 2)", 4],
      ["INSTR('banana', 'an', 1, 3)", 0],
      ["INSTR('banana', 'an', 3, 1)", 4],
      ["INSTR('banana', 'an', -1, 1)", 4],
      ["INSTR('banana', 'an', -3, 1)", 4],
      ["INSTR('banana', 'ann', 1, 1)", 0],
      ["INSTR('helloooo', 'oo', 1, 1)", 5],
      ["INSTR('helloooo', 'oo', 1, 2)", 6],
    ] as const
  ).map(([expr, expected]) => ({ sql: `SELECT ${expr} AS instr`, expected })),
  { sql: `SELECT LEFT('banana', 3) AS results`, expected: 'ban' },
  { sql: `SELECT LEFT(b'\\xab\\xcd\\xef\\xaa\\xbb', 3) AS results`, expected: 'q83v' },
  { sql: `SELECT LENGTH('абвгд') AS string_example`, expected: 5 },
  { sql: `SELECT LENGTH(CAST('абвгд' AS BYTES)) AS bytes_example`, expected: 10 },
  { sql: `SELECT FORMAT('%T', LPAD('c', 5)) AS results`, expected: '"    c"' },
  { sql: `SELECT LPAD('b', 5, 'a') AS results`, expected: 'aaaab' },
  { sql: `SELECT LPAD('abc', 10, 'ghd') AS results`, expected: 'ghdghdgabc' },
  { sql: `SELECT LPAD('abc', 2, 'd') AS results`, expected: 'ab' },
  { sql: `SELECT FORMAT('%T', LPAD(b'abc', 10, b'ghd')) AS results`, expected: 'b"ghdghdgabc"' },
  { sql: `SELECT CONCAT('#', LTRIM('   apple   '), '#') AS example`, expected: '#apple   #' },
  { sql: `SELECT LTRIM('***apple***', '*') AS example`, expected: 'apple***' },
  { sql: `SELECT LTRIM('xxxapplexxx', 'xyz') AS example`, expected: 'applexxx' },
  { sql: `SELECT NORMALIZE('\\u00ea') = NORMALIZE('\\u0065\\u0302') as normalized`, expected: true },
  ...regexpEmails.map((email, i) => ({
    sql: `SELECT REGEXP_CONTAINS('${email}', r'@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+') AS is_valid`,
    expected: i === 0,
  })),
  ...fullMatch.flatMap(([email, withParens, without]) => [
    {
      sql: `SELECT REGEXP_CONTAINS('${email}', r'^([\\w.+-]+@foo\\.com|[\\w.+-]+@bar\\.org)$') AS valid_email_address`,
      expected: withParens,
    },
    {
      sql: `SELECT REGEXP_CONTAINS('${email}', r'^[\\w.+-]+@foo\\.com|[\\w.+-]+@bar\\.org$') AS without_parentheses`,
      expected: without,
    },
  ]),
  { sql: `SELECT REGEXP_EXTRACT('foo@example.com', r'^[a-zA-Z0-9_.+-]+') AS user_name`, expected: 'foo' },
  {
    sql: `SELECT REGEXP_EXTRACT('foo@example.com', r'^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.([a-zA-Z0-9-.]+$)') AS top_level_domain`,
    expected: 'com',
  },
  { sql: `SELECT REGEXP_EXTRACT('ab', '.b') AS result_a`, expected: 'ab' },
  { sql: `SELECT REGEXP_EXTRACT('ab', '(.)b') AS result_b`, expected: 'a' },
  { sql: `SELECT REGEXP_EXTRACT('xyztb', '(.)+b') AS result_c`, expected: 't' },
  { sql: `SELECT REGEXP_EXTRACT('ab', '(z)?b') AS result_d`, expected: null },
  {
    sql: `SELECT REGEXP_EXTRACT('Hello Helloo and Hellooo', 'H?ello+', 1, 2) AS regexp_value`,
    expected: 'Helloo',
  },
  {
    sql: "SELECT REGEXP_EXTRACT_ALL('Try `func(x)` or `func(y)`', '`(.+?)`') AS example",
    expected: ['func(x)', 'func(y)'],
  },
  { sql: `SELECT REGEXP_EXTRACT_ALL('123456', r'\\d(\\d)\\d') AS example`, expected: ['2', '5'] },
  { sql: `SELECT REGEXP_INSTR('ab@cd-ef', '@[^-]*') AS instr_a`, expected: 3 },
  {
    sql: `SELECT REGEXP_REPLACE('Jane Doe', r'^([\\p{L}\\x27-]+)\\s+([\\p{L}\\x27-]+)$', r'\\2, \\1') AS formatted_name`,
    expected: 'Doe, Jane',
  },
  { sql: `SELECT REGEXP_REPLACE('abc', 'b(.)', 'X\\\\1') AS r`, expected: 'aXc' },
  { sql: `SELECT REGEXP_REPLACE('abc', 'b(.)', r'X\\1') AS r`, expected: 'aXc' },
  { sql: `SELECT REPEAT('abc', 3) AS results`, expected: 'abcabcabc' },
  { sql: `SELECT REPEAT('abc', NULL) AS results`, expected: null },
  { sql: `SELECT REPEAT(NULL, 3) AS results`, expected: null },
  {
    sql: `WITH desserts AS (SELECT 'apple pie' as dessert UNION ALL SELECT 'blackberry pie' as dessert UNION ALL SELECT 'cherry pie' as dessert) SELECT REPLACE (dessert, 'pie', 'cobbler') as example FROM desserts`,
    rows: ['apple cobbler', 'blackberry cobbler', 'cherry cobbler'],
    unordered: true,
  },
  { sql: `SELECT REVERSE('abc') AS results`, expected: 'cba' },
  { sql: `SELECT FORMAT('%T', REVERSE(b'1a3')) AS results`, expected: 'b"3a1"' },
  { sql: `SELECT RIGHT('apple', 3) AS right_example`, expected: 'ple' },
  { sql: `SELECT RIGHT(b'apple', 3) AS right_example`, expected: 'cGxl' },
  { sql: `SELECT FORMAT('%T', RPAD('c', 5)) AS results`, expected: '"c    "' },
  { sql: `SELECT RPAD('b', 5, 'a') AS results`, expected: 'baaaa' },
  { sql: `SELECT RPAD('abc', 10, 'ghd') AS results`, expected: 'abcghdghdg' },
  { sql: `SELECT RPAD('abc', 2, 'd') AS results`, expected: 'ab' },
  { sql: `SELECT RTRIM('***apple***', '*') AS example`, expected: '***apple' },
  { sql: `SELECT RTRIM('applexxz', 'xyz') AS example`, expected: 'apple' },
  { sql: `SELECT SOUNDEX('Ashcraft') AS soundex`, expected: 'A261' },
  {
    // The page prints the first row as [] and says an empty STRING splits into one empty STRING.
    sql: `WITH letters AS (SELECT '' as letter_group UNION ALL SELECT 'a' as letter_group UNION ALL SELECT 'b c d' as letter_group) SELECT SPLIT(letter_group, ' ') as example FROM letters`,
    rows: [[''], ['a'], ['b', 'c', 'd']],
  },
  { sql: `SELECT STARTS_WITH('bar', 'b') AS example`, expected: true },
  { sql: `SELECT STRPOS('foo@example.com', '@') AS example`, expected: 4 },
  { sql: `SELECT SUBSTR('apple', 2) AS example`, expected: 'pple' },
  { sql: `SELECT SUBSTR('apple', 2, 2) AS example`, expected: 'pp' },
  { sql: `SELECT SUBSTR('apple', -2) AS example`, expected: 'le' },
  { sql: `SELECT SUBSTR('apple', 1, 123) AS example`, expected: 'apple' },
  { sql: `SELECT SUBSTR('apple', 123) AS example`, expected: '' },
  { sql: `SELECT SUBSTR('apple', 123, 5) AS example`, expected: '' },
  { sql: `SELECT TO_BASE32(b'abcde\\xFF') AS base32_string`, expected: 'MFRGGZDF74======' },
  { sql: `SELECT TO_BASE64(b'\\377\\340') AS base64_string`, expected: '/+A=' },
  {
    sql: `SELECT REPLACE(REPLACE(TO_BASE64(b'\\377\\340'), '+', '-'), '/', '_') as websafe_base64`,
    expected: '_-A=',
  },
  { sql: `SELECT TO_CODE_POINTS('foo') AS code_points`, expected: [102, 111, 111] },
  {
    sql: `SELECT TO_HEX(b'\\x00\\x01\\x02\\x03\\xAA\\xEE\\xEF\\xFF') AS hex_string`,
    expected: '00010203aaeeefff',
  },
  { sql: `SELECT TRANSLATE('This is a cookie', 'sco', 'zku') AS translate`, expected: 'Thiz iz a kuukie' },
  { sql: `SELECT CONCAT('#', TRIM( '   apple   '), '#') AS example`, expected: '#apple#' },
  { sql: `SELECT TRIM('***apple***', '*') AS example`, expected: 'apple' },
  { sql: `SELECT TRIM('xzxapplexxy', 'xyz') as example`, expected: 'apple' },
  { sql: `SELECT TRIM(b'apple', b'na\\xab') AS example`, expected: 'cHBsZQ==' },
  { sql: `SELECT UNICODE('âbcd') as A`, expected: 226 },
  { sql: `SELECT UPPER('foo') AS example`, expected: 'FOO' },
].map((e) => ({ page, ...e }));
