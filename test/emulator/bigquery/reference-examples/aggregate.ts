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
  { sql: `SELECT BIT_XOR(DISTINCT x) AS bit_xor FROM UNNEST([1234, 5678, 1234]) AS x`, expected: 4860 },
  { sql: `SELECT COUNT(*) AS count_star FROM UNNEST([1, 4, 4, 5]) AS x`, expected: 4 },
  { sql: `SELECT COUNT(DISTINCT x) AS count_dist_x FROM UNNEST([1, 4, 4, 5]) AS x`, expected: 3 },
  {
    sql: `SELECT COUNT(*) OVER (PARTITION BY MOD(x, 3)) AS count_star FROM UNNEST([1, 4, 4, 5]) AS x`,
    rows: ['3', '3', '3', '1'],
    unordered: true,
  },
  {
    sql: `SELECT COUNT(DISTINCT x) OVER (PARTITION BY MOD(x, 3)) AS count_dist_x FROM UNNEST([1, 4, 4, 5]) AS x`,
    rows: ['2', '2', '2', '1'],
    unordered: true,
  },
  {
    sql: `SELECT COUNT(x) OVER (PARTITION BY MOD(x, 3)) AS count_x FROM UNNEST([1, 4, NULL, 4, 5]) AS x`,
    rows: ['0', '3', '3', '3', '1'],
    unordered: true,
  },
  {
    sql: `SELECT COUNT(DISTINCT IF(x > 0, x, NULL)) AS distinct_positive FROM UNNEST([1, -2, 4, 1, -5, 4, 1, 3, -6, 1]) AS x`,
    expected: 3,
  },
  {
    sql: `WITH Events AS (SELECT DATE '2021-01-01' AS event_date, 'SUCCESS' AS event_type UNION ALL SELECT DATE '2021-01-02' AS event_date, 'SUCCESS' AS event_type UNION ALL SELECT DATE '2021-01-02' AS event_date, 'FAILURE' AS event_type UNION ALL SELECT DATE '2021-01-03' AS event_date, 'SUCCESS' AS event_type UNION ALL SELECT DATE '2021-01-04' AS event_date, 'FAILURE' AS event_type UNION ALL SELECT DATE '2021-01-04' AS event_date, 'FAILURE' AS event_type) SELECT COUNT(DISTINCT IF(event_type = 'FAILURE', event_date, NULL)) AS distinct_dates_with_failures FROM Events`,
    expected: 2,
  },
  {
    sql: `WITH customers AS (SELECT 1934 AS id, 'a' AS team UNION ALL SELECT 2991, 'b' UNION ALL SELECT 3988, 'c'), vendors AS (SELECT 1934 AS id, 'd' AS team UNION ALL SELECT 2991, 'e' UNION ALL SELECT 4366, 'f') SELECT COUNT(DISTINCT IF(id IN (SELECT id FROM customers), id, NULL)) AS result FROM vendors`,
    expected: 2,
  },
  { sql: `SELECT COUNTIF(x<0) AS num_negative FROM UNNEST([5, -2, 3, 6, -10, -7, 4, 0]) AS x`, expected: 3 },
  { sql: `SELECT COUNTIF(x>0) AS num_positive FROM UNNEST([5, -2, 3, 6, -10, -7, 4, 0]) AS x`, expected: 4 },
  {
    sql: `SELECT COUNTIF(x<0) OVER (ORDER BY ABS(x) ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS num_negative FROM UNNEST([5, -2, 3, 6, -10, NULL, -7, 4, 0]) AS x`,
    rows: ['0', '1', '1', '1', '0', '0', '1', '2', '2'],
    unordered: true,
  },
  { sql: `SELECT LOGICAL_AND(x < 3) AS logical_and FROM UNNEST([1, 2, 4]) AS x`, expected: false },
  { sql: `SELECT LOGICAL_OR(x < 3) AS logical_or FROM UNNEST([1, 2, 4]) AS x`, expected: true },
  {
    sql: `SELECT STRING_AGG(fruit, " & " LIMIT 2) AS string_agg FROM UNNEST(["apple", "pear", "banana", "pear"]) AS fruit`,
    expected: 'apple & pear',
  },
].map((e) => ({ page, ...e }));
