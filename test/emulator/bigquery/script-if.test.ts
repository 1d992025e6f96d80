import { leadingStatementType } from '../../../emulator/bigquery/engine';
import { tokenize } from '../../../emulator/bigquery/tokenizer';
import { harness, project, type Harness } from './harness';

/*
 * The procedural IF statement
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/procedural-language#if): its statements run
 * only when the condition is TRUE; the forms the emulator does not run are refused, not read loosely.
 */

const t = `\`${project}.ds.marks\``;
let h: Harness;
beforeEach(async () => {
  h = await harness();
  await h.emulator.query(`CREATE TABLE ${t} (mark STRING)`);
});
afterEach(() => h.emulator.close());

const marks = async () =>
  (await h.emulator.query(`SELECT mark FROM ${t} ORDER BY mark`)).rows.map((r) => r.mark);

async function refusal(sql: string): Promise<string> {
  try {
    await h.emulator.query(sql);
  } catch (error) {
    return `${(error as { reason: string }).reason}: ${(error as Error).message}`;
  }
  throw new Error('expected a BigQuery error');
}

test.each([
  ['TRUE', ['after', 'before', 'first', 'second']],
  ['FALSE', ['after', 'before']],
  ['CAST(NULL AS BOOL)', ['after', 'before']],
  [
    "EXISTS (SELECT 1 FROM `test-proj.ds.marks` WHERE mark = 'before')",
    ['after', 'before', 'first', 'second'],
  ],
  ['CASE WHEN 1 = 1 THEN FALSE ELSE TRUE END', ['after', 'before']],
  ['(CASE WHEN 1 = 1 THEN TRUE END) AND @go', ['after', 'before', 'first', 'second']],
])('IF %s THEN: the statements run only when it is TRUE', async (condition, expected) => {
  await h.emulator.query(
    `INSERT INTO ${t} VALUES ('before');
     IF ${condition} THEN
       INSERT INTO ${t} VALUES ('first');
       INSERT INTO ${t} VALUES ('second');
     END IF;
     INSERT INTO ${t} VALUES ('after')`,
    { go: true },
  );
  expect(await marks()).toEqual(expected);
});

test('a DDL statement inside IF: created only when the condition holds, and a script is reported', async () => {
  const skipped = await h.emulator.query(
    `IF FALSE THEN CREATE TABLE \`${project}.ds.never\` (a STRING); END IF`,
  );
  expect(skipped.statementType).toBe('SCRIPT');
  expect(await refusal(`SELECT * FROM \`${project}.ds.never\``)).toMatch(/^notFound: /);
  await h.emulator.query(`IF TRUE THEN CREATE TABLE \`${project}.ds.made\` (a STRING); END IF`);
  expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM \`${project}.ds.made\``)).rows).toEqual([
    { n: '0' },
  ]);
});

test.each([
  ['IF TRUE THEN SELECT 1', 'invalidQuery: Syntax error: Expected END IF at the end of the IF statement'],
  ['IF TRUE SELECT 1; END IF', 'invalidQuery: Syntax error: Expected keyword THEN in the IF statement'],
  [
    'IF THEN SELECT 1; END IF',
    'invalidQuery: Syntax error: Unexpected keyword THEN: the IF statement has no condition',
  ],
  ["IF 'yes' THEN SELECT 1; END IF", 'invalidQuery: The IF condition must be BOOL, not STRING'],
  [
    'IF TRUE THEN SELECT 1; ELSE SELECT 2; END IF',
    'invalidQuery: ELSE inside an IF statement is not supported by the BigQuery emulator',
  ],
  [
    'IF TRUE THEN SELECT 1; ELSEIF FALSE THEN SELECT 2; END IF',
    'invalidQuery: ELSEIF inside an IF statement is not supported by the BigQuery emulator',
  ],
  [
    'IF TRUE THEN IF TRUE THEN SELECT 1; END IF; END IF',
    'invalidQuery: IF inside an IF statement is not supported by the BigQuery emulator',
  ],
  ['SELECT 1; END IF', 'invalidQuery: Syntax error: Unexpected END outside an IF statement'],
  [
    'BEGIN TRANSACTION; IF TRUE THEN SELECT 1; END IF; COMMIT TRANSACTION',
    'invalidQuery: IF inside a transaction is not supported by the BigQuery emulator',
  ],
])('%s is refused: %s', async (sql, message) => {
  expect(await refusal(sql)).toBe(message);
});

test('a refused IF runs none of its statements', async () => {
  await refusal(`IF TRUE THEN INSERT INTO ${t} VALUES ('x'); ELSE SELECT 1; END IF`);
  expect(await marks()).toEqual([]);
});

test.each([
  [
    'IF TRUE THEN CREATE OR REPLACE TABLE FUNCTION ds.f() AS (SELECT 1 AS a); END IF',
    'CREATE_TABLE_FUNCTION',
  ],
  ['IF TRUE THEN\nINSERT INTO ds.t VALUES (1);\nSELECT 1;\nEND IF', 'INSERT'],
  ['IF TRUE THEN END IF', 'UNKNOWN'],
  ['DROP TABLE ds.a; DROP TABLE ds.b', 'DROP_TABLE'],
  ['SELECT 1', 'SELECT'],
])('a job of %j is keyed (faults, statistics) as %s', (sql, type) => {
  expect(leadingStatementType(tokenize(sql))).toBe(type);
});

// GoogleSQL coerces a NULL literal to any type, so `IF NULL THEN ... END IF` runs nothing on BigQuery; the
// emulator reads a bare NULL as INT64 (DuckDB gives the literal no type) and refuses it as not BOOL.
test.todo('IF NULL THEN: a bare NULL condition is taken as a BOOL that is not TRUE, not refused as INT64');
