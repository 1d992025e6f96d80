import type { Example } from './example';

/** Examples of https://cloud.google.com/bigquery/docs/reference/standard-sql/json_functions */
const page = 'json_functions';

export const json: Example[] = [
  // JSON_QUERY
  {
    sql: `SELECT JSON_QUERY(JSON '{"class": {"students": [{"id": 5}, {"id": 12}]}}', '$.class') AS json_data`,
    expected: '{"students":[{"id":5},{"id":12}]}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "Jane"}]}}', '$') AS json_text_string`,
    expected: '{"class":{"students":[{"name":"Jane"}]}}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": []}}', '$') AS j`,
    expected: '{"class":{"students":[]}}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "John"},{"name": "Jamie"}]}}', '$') AS j`,
    expected: '{"class":{"students":[{"name":"John"},{"name":"Jamie"}]}}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "Jane"}]}}', '$.class.students[0]') AS first_student`,
    expected: '{"name":"Jane"}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": []}}', '$.class.students[0]') AS first_student`,
    expected: null,
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "John"}, {"name": "Jamie"}]}}', '$.class.students[0]') AS s`,
    expected: '{"name":"John"}',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "Jane"}]}}', '$.class.students[1].name') AS s`,
    expected: null,
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": []}}', '$.class.students[1].name') AS s`,
    expected: null,
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "John"}, {"name": null}]}}', '$.class.students[1].name') AS s`,
    expected: null,
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "John"}, {"name": "Jamie"}]}}', '$.class.students[1].name') AS s`,
    expected: '"Jamie"',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "Jane"}]}}', '$.class."students"') AS student_names`,
    expected: '[{"name":"Jane"}]',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": []}}', '$.class."students"') AS student_names`,
    expected: '[]',
  },
  {
    sql: `SELECT JSON_QUERY('{"class": {"students": [{"name": "John"}, {"name": "Jamie"}]}}', '$.class."students"') AS s`,
    expected: '[{"name":"John"},{"name":"Jamie"}]',
  },
  {
    sql: `SELECT JSON_QUERY(JSON '{"class": {"students": [{"name": "Jane"}]}}', 'lax $.class.students.name') AS s`,
    expected: '["Jane"]',
  },
  { sql: `SELECT JSON_QUERY('{"a": null}', "$.a") AS j`, expected: null },
  { sql: `SELECT JSON_QUERY('{"a": null}', "$.b") AS j`, expected: null },
  { sql: `SELECT JSON_QUERY(JSON '{"a": null}', "$.a") AS j`, expected: 'null' },
  { sql: `SELECT JSON_QUERY(JSON '{"a": null}', "$.b") AS j`, expected: null },
  { sql: `SELECT JSON_QUERY("null", "$") AS j`, expected: null },
  { sql: `SELECT JSON_QUERY(JSON 'null', "$") AS j`, expected: 'null' },
  // JSON_QUERY_ARRAY
  {
    sql: `SELECT JSON_QUERY_ARRAY(JSON '{"fruits": ["apples", "oranges", "grapes"]}', '$.fruits') AS json_array`,
    expected: ['"apples"', '"oranges"', '"grapes"'],
  },
  { sql: `SELECT JSON_QUERY_ARRAY('[1, 2, 3]') AS string_array`, expected: ['1', '2', '3'] },
  {
    sql: `SELECT ARRAY(SELECT CAST(integer_element AS INT64) FROM UNNEST(JSON_QUERY_ARRAY('[1, 2, 3]','$')) AS integer_element) AS integer_array`,
    expected: [1, 2, 3],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('["apples", "oranges", "grapes"]', '$') AS string_array`,
    expected: ['"apples"', '"oranges"', '"grapes"'],
  },
  {
    sql: `SELECT ARRAY(SELECT JSON_VALUE(string_element, '$') FROM UNNEST(JSON_QUERY_ARRAY('["apples", "oranges", "grapes"]', '$')) AS string_element) AS string_array`,
    expected: ['apples', 'oranges', 'grapes'],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('{"fruit": [{"apples": 5, "oranges": 10}, {"apples": 2, "oranges": 4}], "vegetables": [{"lettuce": 7, "kale": 8}]}', '$.fruit') AS string_array`,
    expected: ['{"apples":5,"oranges":10}', '{"apples":2,"oranges":4}'],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('{"fruits": ["apples", "oranges", "grapes"]}', '$.fruits') AS string_array`,
    expected: ['"apples"', '"oranges"', '"grapes"'],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('{"fruits": ["apples", "oranges", "grapes"]}', '$."fruits"') AS string_array`,
    expected: ['"apples"', '"oranges"', '"grapes"'],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('{"a.b": {"c": ["world"]}}', '$."a.b".c') AS hello`,
    expected: ['"world"'],
  },
  { sql: `SELECT JSON_QUERY_ARRAY('{"a": "foo"}', '$.a') AS result`, expected: null },
  { sql: `SELECT JSON_QUERY_ARRAY('{"a": "foo"}', '$.b') AS result`, expected: null },
  { sql: `SELECT JSON_QUERY_ARRAY('{"a": "foo", "b": []}', '$.b') AS result`, expected: [] },
  // JSON_VALUE
  { sql: `SELECT JSON_VALUE(JSON '{"name": "Jakob", "age": "6" }', '$.age') AS scalar_age`, expected: '6' },
  { sql: `SELECT JSON_QUERY('{"name": "Jakob", "age": "6"}', '$.name') AS json_name`, expected: '"Jakob"' },
  { sql: `SELECT JSON_VALUE('{"name": "Jakob", "age": "6"}', '$.name') AS scalar_name`, expected: 'Jakob' },
  { sql: `SELECT JSON_QUERY('{"name": "Jakob", "age": "6"}', '$.age') AS json_age`, expected: '"6"' },
  { sql: `SELECT JSON_VALUE('{"name": "Jakob", "age": "6"}', '$.age') AS scalar_age`, expected: '6' },
  {
    sql: `SELECT JSON_QUERY('{"fruits": ["apple", "banana"]}', '$.fruits') AS json_query`,
    expected: '["apple","banana"]',
  },
  { sql: `SELECT JSON_VALUE('{"fruits": ["apple", "banana"]}', '$.fruits') AS json_value`, expected: null },
  { sql: `SELECT JSON_VALUE('{"a.b": {"c": "world"}}', '$."a.b".c') AS hello`, expected: 'world' },
  // JSON_VALUE_ARRAY
  {
    sql: `SELECT JSON_VALUE_ARRAY(JSON '{"fruits": ["apples", "oranges", "grapes"]}', '$.fruits') AS string_array`,
    expected: ['apples', 'oranges', 'grapes'],
  },
  {
    sql: `SELECT JSON_QUERY_ARRAY('["apples", "oranges"]') AS json_array`,
    expected: ['"apples"', '"oranges"'],
  },
  {
    sql: `SELECT JSON_VALUE_ARRAY('["apples", "oranges"]') AS string_array`,
    expected: ['apples', 'oranges'],
  },
  {
    sql: `SELECT JSON_VALUE_ARRAY('["foo", "bar", "baz"]', '$') AS string_array`,
    expected: ['foo', 'bar', 'baz'],
  },
  {
    sql: `SELECT ARRAY(SELECT CAST(integer_element AS INT64) FROM UNNEST(JSON_VALUE_ARRAY('[1, 2, 3]', '$')) AS integer_element) AS integer_array`,
    expected: [1, 2, 3],
  },
  {
    sql: `SELECT JSON_VALUE_ARRAY('{"fruits": ["apples", "oranges", "grapes"]}', '$."fruits"') AS string_array`,
    expected: ['apples', 'oranges', 'grapes'],
  },
  { sql: `SELECT JSON_VALUE_ARRAY('{"a.b": {"c": ["world"]}}', '$."a.b".c') AS hello`, expected: ['world'] },
  { sql: `SELECT JSON_VALUE_ARRAY('}}', '$') AS result`, expected: null },
  { sql: `SELECT JSON_VALUE_ARRAY(NULL, '$') AS result`, expected: null },
  { sql: `SELECT JSON_VALUE_ARRAY('{"a": ["foo", "bar", "baz"]}', '$.b') AS result`, expected: null },
  { sql: `SELECT JSON_VALUE_ARRAY('{"a": "foo"}', '$') AS result`, expected: null },
  {
    sql: `SELECT JSON_VALUE_ARRAY('{"a": [{"b": "foo", "c": 1}, {"b": "bar", "c": 2}], "d": "baz"}', '$.a') AS result`,
    expected: null,
  },
  { sql: `SELECT JSON_VALUE_ARRAY('{"a": "foo", "b": []}', '$.b') AS result`, expected: [] },
  { sql: `SELECT JSON_VALUE_ARRAY('["world", 1, null]') AS result`, expected: 'error' },
  // JSON_TYPE
  {
    sql: `SELECT JSON_TYPE(json_val) AS type FROM UNNEST([JSON '"apple"', JSON '10', JSON '3.14', JSON 'null', JSON '{"city": "New York", "State": "NY"}', JSON '["apple", "banana"]', JSON 'false']) AS json_val`,
    rows: ['string', 'number', 'number', 'null', 'object', 'array', 'boolean'],
  },
].map((e) => ({ page, ...e }));
