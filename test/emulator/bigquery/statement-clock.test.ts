import { harness, insertJob, project, type Harness, type Resource } from './harness';

/*
 * One clock: the emulator's `now` decides expiry, and every current-time function in SQL reads the same
 * clock, once per statement. "The current timestamp value is set at the start of the query statement that
 * contains this function. All invocations of CURRENT_TIMESTAMP() within a query statement yield the same
 * value." (https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#current_timestamp;
 * the same sentence for CURRENT_DATE, CURRENT_DATETIME and CURRENT_TIME on date_functions, datetime_functions
 * and time_functions; "Parentheses are optional".)
 */

const t = (name: string) => `\`${project}.ds.${name}\``;
/** 2041-07-04T05:06:07.089Z, years away from the wall clock, so a reading of the wall clock cannot pass. */
const fixed = Date.UTC(2041, 6, 4, 5, 6, 7, 89);

let clock = fixed;
let h: Harness;
beforeEach(async () => {
  clock = fixed;
  h = await harness({ now: () => clock });
});
afterEach(() => h.emulator.close());

test('every current-time function, with or without parentheses, reads the fixed clock', async () => {
  const { rows } = await h.emulator.query(
    `SELECT CURRENT_TIMESTAMP() AS ts, CURRENT_TIMESTAMP AS ts_bare, CURRENT_DATE() AS d, current_date AS d_bare,
            CURRENT_DATETIME() AS dt, CURRENT_DATETIME AS dt_bare, CURRENT_TIME() AS tm, CURRENT_TIME AS tm_bare,
            UNIX_MILLIS(CURRENT_TIMESTAMP()) AS ms`,
  );
  expect(rows).toEqual([
    {
      ts: '2041-07-04 05:06:07.089+00',
      ts_bare: '2041-07-04 05:06:07.089+00',
      d: '2041-07-04',
      d_bare: '2041-07-04',
      dt: '2041-07-04 05:06:07.089',
      dt_bare: '2041-07-04 05:06:07.089',
      tm: '05:06:07.089',
      tm_bare: '05:06:07.089',
      ms: String(fixed),
    },
  ]);
});

test('the types are TIMESTAMP, DATE, DATETIME and TIME, as the REST schema reports them', async () => {
  const { schema } = await h.emulator.query(
    'SELECT CURRENT_TIMESTAMP() AS a, CURRENT_DATE() AS b, CURRENT_DATETIME() AS c, CURRENT_TIME() AS d',
  );
  expect(schema.map((f) => f.type)).toEqual(['TIMESTAMP', 'DATE', 'DATETIME', 'TIME']);
});

test('an expiration computed in SQL agrees with the expiry check under a clock years ahead', async () => {
  // The pipeline's own form: a week after the statement ran.
  await h.emulator.query(
    `CREATE TABLE ${t('staged')} (x INT64) OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 168 HOUR))`,
  );
  const week = fixed + 168 * 3_600_000;
  const table = (await h.call('googleapis.bigquery.v2.tables.get', {
    projectId: project,
    datasetId: 'ds',
    tableId: 'staged',
  })) as Resource;
  expect(table.expirationTime).toBe(String(week));
  clock = week - 1;
  expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM ${t('staged')}`)).rows).toEqual([{ n: '0' }]);
  clock = week;
  await expect(h.emulator.query(`SELECT COUNT(*) AS n FROM ${t('staged')}`)).rejects.toMatchObject({
    reason: 'notFound',
  });
});

test('an expiration of CURRENT_TIMESTAMP() itself is not in the future on the same clock', async () => {
  await expect(
    h.emulator.query(
      `CREATE TABLE ${t('now')} (x INT64) OPTIONS(expiration_timestamp = CURRENT_TIMESTAMP())`,
    ),
  ).rejects.toMatchObject({
    reason: 'invalidQuery',
    message: expect.stringContaining('is not in the future: 2041-07-04T05:06:07.089Z'),
  });
});

test('one statement sees one instant; the next statement of a script sees its own', async () => {
  // A clock that moves a second every time it is read: a statement that read it twice would see two values.
  clock = fixed;
  const ticking = await harness({ now: () => (clock += 1000) });
  try {
    await ticking.emulator.query(
      `CREATE TABLE ${t('a')} AS SELECT CURRENT_TIMESTAMP() AS t1, CURRENT_TIMESTAMP AS t2, CURRENT_DATETIME() AS t3
         FROM UNNEST(GENERATE_ARRAY(1, 3)) AS n;
       CREATE TABLE ${t('b')} AS SELECT CURRENT_TIMESTAMP() AS t1`,
    );
    const a = (
      await ticking.emulator.query(
        `SELECT DISTINCT UNIX_MILLIS(t1) AS t1, UNIX_MILLIS(t2) AS t2, UNIX_MILLIS(TIMESTAMP(t3)) AS t3 FROM ${t('a')}`,
      )
    ).rows;
    const b = (await ticking.emulator.query(`SELECT UNIX_MILLIS(t1) AS t1 FROM ${t('b')}`)).rows;
    expect(a).toHaveLength(1);
    const [{ t1, t2, t3 }] = a;
    expect(t2).toBe(t1);
    expect(t3).toBe(t1);
    expect(Number(b[0].t1)).toBeGreaterThan(Number(t1));
    expect((Number(b[0].t1) - fixed) % 1000).toBe(0);
  } finally {
    await ticking.emulator.close();
  }
});

test('inside a transaction and through jobs.insert, the same clock', async () => {
  const { rows } = await h.emulator.query(
    'BEGIN TRANSACTION; SELECT CURRENT_TIMESTAMP() AS ts; COMMIT TRANSACTION',
  );
  expect(rows).toEqual([{ ts: '2041-07-04 05:06:07.089+00' }]);
  const job = (await insertJob(h, 'SELECT CURRENT_DATE() AS d')) as Resource;
  const results = (await h.call('googleapis.bigquery.v2.jobs.getQueryResults', {
    projectId: project,
    jobId: job.jobReference.jobId,
  })) as Resource;
  expect(results.rows).toEqual([{ f: [{ v: '2041-07-04' }] }]);
});

test('an option value and the statement it belongs to agree on the instant', async () => {
  await h.emulator.query(
    `CREATE TABLE ${t('p')} OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 2 HOUR))
       AS SELECT CURRENT_TIMESTAMP() AS made`,
  );
  const table = (await h.call('googleapis.bigquery.v2.tables.get', {
    projectId: project,
    datasetId: 'ds',
    tableId: 'p',
  })) as Resource;
  const made = (await h.emulator.query(`SELECT UNIX_MILLIS(made) AS ms FROM ${t('p')}`)).rows[0].ms;
  expect(made).toBe(String(fixed));
  expect(table.expirationTime).toBe(String(fixed + 2 * 3_600_000));
});

describe("DuckDB's own clock names are not read", () => {
  test.each([
    ['LOCALTIMESTAMP', 'SELECT LOCALTIMESTAMP AS x'],
    ['LOCALTIME', 'SELECT localtime AS x'],
    ['a backquoted `current_date`', 'SELECT `current_date` AS x'],
    ['a backquoted `CURRENT_TIMESTAMP`', 'SELECT `CURRENT_TIMESTAMP` AS x'],
  ])('%s unqualified is refused as not supported', async (_what, sql) => {
    await expect(h.emulator.query(sql)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringMatching(
        /^not supported by the local emulator: the unqualified name .* at \[1:8\]/,
      ),
    });
  });

  test('as a qualified column, an alias or a column definition they are plain names', async () => {
    await h.emulator.query(`CREATE TABLE ${t('names')} (localtime STRING, \`current_date\` STRING)`);
    await h.emulator.query(`INSERT INTO ${t('names')} VALUES ('a', 'b')`);
    const { rows } = await h.emulator.query(
      `SELECT n.localtime AS localtime, n.\`current_date\` AS cd, 1 AS \`current_time\` FROM ${t('names')} AS n`,
    );
    expect(rows).toEqual([{ localtime: 'a', cd: 'b', current_time: 1 }]);
  });

  test("DuckDB's clock functions are outside the allow-list", async () => {
    for (const fn of ['now', 'get_current_timestamp', 'today', 'transaction_timestamp'])
      await expect(h.emulator.query(`SELECT ${fn}() AS x`)).rejects.toMatchObject({
        message: expect.stringContaining(`not supported by the local emulator: function ${fn.toUpperCase()}`),
      });
  });
});
