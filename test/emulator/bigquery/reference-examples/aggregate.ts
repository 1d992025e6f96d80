import type { Example } from './example';

/** Examples of https://cloud.google.com/bigquery/docs/reference/standard-sql/aggregate_functions (ANY_VALUE to BIT_XOR). */
const page = 'aggregate_functions';
const store = `WITH Store AS (SELECT 20 AS sold, "apples" AS fruit UNION ALL SELECT 30 AS sold, "pears" AS fruit UNION ALL SELECT 30 AS sold, "bananas" AS fruit UNION ALL SELECT 10 AS sold, "oranges" AS fruit)`;
const xs = 'UNNEST([2, 1, -2, 3, -2, 1, 2]) AS x';

export const aggregate: Example[] = [
  {
    sql: `SELECT ANY_VALUE(fruit) as any_value FROM UNNEST(["apple", "banana", "pear"]) as fruit`,
    expected: 'apple',
  },
  {
    sql: `SELECT ANY_VALUE(fruit) OVER (ORDER BY LENGTH(fruit) ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS any_value FROM UNNEST(["apple", "banana", "pear"]) as fruit ORDER BY LENGTH(fruit)`,
    rows: ['pear', 'pear', 'apple'],
  },
  {
    sql: `${store} SELECT ANY_VALUE(fruit HAVING MAX sold) AS a_highest_selling_fruit FROM Store`,
    expected: 'pears',
  },
  {
    sql: `${store} SELECT ANY_VALUE(fruit HAVING MIN sold) AS a_lowest_selling_fruit FROM Store`,
    expected: 'oranges',
  },
  {
    sql: `SELECT ARRAY_AGG(x) AS array_agg FROM UNNEST([2, 1,-2, 3, -2, 1, 2]) AS x`,
    expected: [2, 1, -2, 3, -2, 1, 2],
  },
  { sql: `SELECT ARRAY_AGG(DISTINCT x) AS array_agg FROM ${xs}`, expected: [2, 1, -2, 3] },
  {
    sql: `SELECT ARRAY_AGG(x IGNORE NULLS) AS array_agg FROM UNNEST([NULL, 1, -2, 3, -2, 1, NULL]) AS x`,
    expected: [1, -2, 3, -2, 1],
  },
  { sql: `SELECT ARRAY_AGG(x ORDER BY ABS(x)) AS array_agg FROM ${xs}`, expected: [1, 1, 2, -2, -2, 2, 3] },
  { sql: `SELECT ARRAY_AGG(x LIMIT 5) AS array_agg FROM ${xs}`, expected: [2, 1, -2, 3, -2] },
  {
    sql: `WITH vals AS (SELECT 1 x UNION ALL SELECT -2 x UNION ALL SELECT 3 x UNION ALL SELECT -2 x UNION ALL SELECT 1 x) SELECT ARRAY_AGG(DISTINCT x ORDER BY x) as array_agg FROM vals`,
    expected: [-2, 1, 3],
  },
  {
    sql: `WITH vals AS (SELECT 1 x, 'a' y UNION ALL SELECT 1 x, 'b' y UNION ALL SELECT 2 x, 'a' y UNION ALL SELECT 2 x, 'c' y) SELECT ARRAY_AGG(y) as array_agg FROM vals GROUP BY x ORDER BY x`,
    rows: [
      ['a', 'b'],
      ['a', 'c'],
    ],
    unorderedArrays: true,
  },
  {
    sql: `SELECT ARRAY_AGG(x) OVER (ORDER BY ABS(x)) AS array_agg FROM ${xs}`,
    rows: [
      [1, 1],
      [1, 1],
      [1, 1, 2, -2, -2, 2],
      [1, 1, 2, -2, -2, 2],
      [1, 1, 2, -2, -2, 2],
      [1, 1, 2, -2, -2, 2],
      [1, 1, 2, -2, -2, 2, 3],
    ],
  },
  {
    sql: `SELECT FORMAT("%T", ARRAY_CONCAT_AGG(x)) AS array_concat_agg FROM (SELECT [NULL, 1, 2, 3, 4] AS x UNION ALL SELECT NULL UNION ALL SELECT [5, 6] UNION ALL SELECT [7, 8, 9])`,
    expected: '[NULL, 1, 2, 3, 4, 5, 6, 7, 8, 9]',
  },
  { sql: `SELECT AVG(x) as avg FROM UNNEST([0, 2, 4, 4, 5]) as x`, expected: 3 },
  { sql: `SELECT AVG(DISTINCT x) AS avg FROM UNNEST([0, 2, 4, 4, 5]) AS x`, expected: 2.75 },
  {
    sql: `SELECT AVG(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS avg FROM UNNEST([0, 2, NULL, 4, 4, 5]) AS x ORDER BY x`,
    rows: [null, 0, 1, 3, 4, 4.5],
  },
  { sql: `SELECT BIT_AND(x) as bit_and FROM UNNEST([0xF001, 0x00A1]) as x`, expected: 1 },
  { sql: `SELECT BIT_OR(x) as bit_or FROM UNNEST([0xF001, 0x00A1]) as x`, expected: 61601 },
  { sql: `SELECT BIT_XOR(x) AS bit_xor FROM UNNEST([5678, 1234]) AS x`, expected: 4860 },
  { sql: `SELECT BIT_XOR(x) AS bit_xor FROM UNNEST([1234, 5678, 1234]) AS x`, expected: 5678 },
  {
    sql: `SELECT STRING_AGG(fruit, " & " LIMIT 2) AS string_agg FROM UNNEST(["apple", "pear", "banana", "pear"]) AS fruit`,
    expected: 'apple & pear',
  },
].map((e) => ({ page, ...e }));
