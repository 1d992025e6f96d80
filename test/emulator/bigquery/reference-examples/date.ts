import type { Example } from './example';

/** Examples of https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions */
const page = 'date_functions';

const isoDates: [string, number, number, number, number][] = [
  ['2015-12-23', 2015, 52, 2015, 51],
  ['2015-12-24', 2015, 52, 2015, 51],
  ['2015-12-25', 2015, 52, 2015, 51],
  ['2015-12-26', 2015, 52, 2015, 51],
  ['2015-12-27', 2015, 52, 2015, 52],
  ['2015-12-28', 2015, 53, 2015, 52],
  ['2015-12-29', 2015, 53, 2015, 52],
  ['2015-12-30', 2015, 53, 2015, 52],
  ['2015-12-31', 2015, 53, 2015, 52],
  ['2016-01-01', 2015, 53, 2016, 0],
  ['2016-01-02', 2015, 53, 2016, 0],
  ['2016-01-03', 2015, 53, 2016, 1],
  ['2016-01-04', 2016, 1, 2016, 1],
  ['2016-01-05', 2016, 1, 2016, 1],
  ['2016-01-06', 2016, 1, 2016, 1],
  ['2016-01-07', 2016, 1, 2016, 1],
  ['2016-01-08', 2016, 1, 2016, 1],
  ['2016-01-09', 2016, 1, 2016, 1],
];
const extractFrom = (part: string): string =>
  `SELECT EXTRACT(${part} FROM date) AS v FROM UNNEST(GENERATE_DATE_ARRAY('2015-12-23', '2016-01-09')) AS date ORDER BY date`;

export const date: Example[] = [
  { sql: `SELECT DATE_DIFF(DATE '2010-07-07', DATE '2008-12-25', DAY) AS days_diff`, expected: 559 },
  { sql: `SELECT DATE_DIFF(DATE '2023-11-30', DATE '2020-01-01', YEAR) AS diff_3_9`, expected: 3 },
  { sql: `SELECT DATE_DIFF(DATE '2023-02-01', DATE '2020-01-01', YEAR) AS diff_3_1`, expected: 3 },
  { sql: `SELECT DATE_DIFF(DATE '2020-01-01', DATE '2023-11-30', YEAR) AS diff_negative_3_9`, expected: -3 },
  { sql: `SELECT DATE_DIFF(DATE '2020-01-01', DATE '2023-02-01', YEAR) AS diff_negative_3_1`, expected: -3 },
  { sql: `SELECT DATE_DIFF(DATE '2017-10-15', DATE '2017-10-14', DAY) AS days_diff`, expected: 1 },
  { sql: `SELECT DATE_DIFF(DATE '2017-10-15', DATE '2017-10-14', WEEK) AS weeks_diff`, expected: 1 },
  { sql: `SELECT DATE_DIFF('2017-12-30', '2014-12-30', YEAR) AS year_diff`, expected: 3 },
  { sql: `SELECT DATE_DIFF('2017-12-30', '2014-12-30', ISOYEAR) AS isoyear_diff`, expected: 2 },
  { sql: `SELECT DATE_DIFF('2017-12-18', '2017-12-17', WEEK) AS week_diff`, expected: 0 },
  { sql: `SELECT DATE_DIFF('2017-12-18', '2017-12-17', WEEK(MONDAY)) AS week_weekday_diff`, expected: 1 },
  { sql: `SELECT DATE_DIFF('2017-12-18', '2017-12-17', ISOWEEK) AS isoweek_diff`, expected: 1 },
  { sql: `SELECT DATE_FROM_UNIX_DATE(14238) AS date_from_epoch`, expected: '2008-12-25' },
  { sql: `SELECT DATE_SUB(DATE '2008-12-25', INTERVAL 5 DAY) AS five_days_ago`, expected: '2008-12-20' },
  { sql: `SELECT DATE_TRUNC(DATE '2008-12-25', MONTH) AS month`, expected: '2008-12-01' },
  {
    sql: `SELECT DATE_TRUNC(date, WEEK(MONDAY)) AS truncated FROM (SELECT DATE('2017-11-05') AS date)`,
    expected: '2017-10-30',
  },
  { sql: `SELECT DATE_TRUNC('2015-06-15', ISOYEAR) AS isoyear_boundary`, expected: '2014-12-29' },
  { sql: `SELECT EXTRACT(ISOYEAR FROM DATE '2015-06-15') AS isoyear_number`, expected: 2015 },
  { sql: `SELECT EXTRACT(DAY FROM DATE '2013-12-25') AS the_day`, expected: 25 },
  { sql: extractFrom('ISOYEAR'), rows: isoDates.map((d) => d[1]) },
  { sql: extractFrom('ISOWEEK'), rows: isoDates.map((d) => d[2]) },
  { sql: extractFrom('YEAR'), rows: isoDates.map((d) => d[3]) },
  { sql: extractFrom('WEEK'), rows: isoDates.map((d) => d[4]) },
  { sql: `SELECT EXTRACT(WEEK(SUNDAY) FROM DATE('2017-11-05')) AS week_sunday`, expected: 45 },
  { sql: `SELECT EXTRACT(WEEK(MONDAY) FROM DATE('2017-11-05')) AS week_monday`, expected: 44 },
  { sql: `SELECT FORMAT_DATE('%x', DATE '2008-12-25') AS US_format`, expected: '12/25/08' },
].map((e) => ({ page, ...e }));
