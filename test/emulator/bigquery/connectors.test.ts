import { ConnectorError } from '../../../emulator/workflows/connector-types';
import { syntheticRows } from '../model/synthetic';
import { connection, harness, insertJob, project, type Harness, type Resource } from './harness';

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected the connector call to fail');
}

describe('BigQuery connectors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(
      "CREATE TABLE `test-proj.ds.nums` AS SELECT CAST(x AS INT64) AS n, CONCAT('v', CAST(x AS STRING)) AS s, x > 2 AS big, CURRENT_TIMESTAMP() AS at_ts FROM UNNEST([1, 2, 3, 4, 5]) AS x",
    );
  });
  afterAll(() => h.emulator.close());

  it('jobs.insert returns a DONE Job resource with statistics and no rows', async () => {
    const job = (await insertJob(h, 'INSERT INTO `test-proj.ds.nums` (n, s) VALUES (@n, @s)', {
      parameterMode: 'NAMED',
      queryParameters: [
        { name: 'n', parameterType: { type: 'INT64' }, parameterValue: { value: '6' } },
        { name: 's', parameterType: { type: 'STRING' }, parameterValue: { value: 'v6' } },
      ],
    })) as Resource;
    expect(job.kind).toBe('bigquery#job');
    expect(job.jobReference).toEqual({ projectId: project, jobId: expect.any(String), location: 'US' });
    expect(job.status).toEqual({ state: 'DONE' });
    expect(job.statistics.query).toMatchObject({ statementType: 'INSERT', numDmlAffectedRows: '1' });
    expect(job).not.toHaveProperty('rows');
  });

  it('jobs.query and getQueryResults page f/v rows with string values', async () => {
    const first = (await h.call('googleapis.bigquery.v2.jobs.query', {
      projectId: project,
      body: {
        query: 'SELECT n, s, big FROM `test-proj.ds.nums` WHERE n <= 5 ORDER BY n',
        useLegacySql: false,
        maxResults: 2,
      },
    })) as Resource;
    expect(first.schema.fields).toEqual([
      { name: 'n', type: 'INTEGER', mode: 'NULLABLE' },
      { name: 's', type: 'STRING', mode: 'NULLABLE' },
      { name: 'big', type: 'BOOLEAN', mode: 'NULLABLE' },
    ]);
    expect(first.totalRows).toBe('5');
    expect(first.rows).toEqual([
      { f: [{ v: '1' }, { v: 'v1' }, { v: 'false' }] },
      { f: [{ v: '2' }, { v: 'v2' }, { v: 'false' }] },
    ]);
    const seen = [...first.rows];
    let token = first.pageToken;
    while (token) {
      const next = (await h.call('googleapis.bigquery.v2.jobs.getQueryResults', {
        projectId: project,
        jobId: first.jobReference.jobId,
        maxResults: 2,
        pageToken: token,
      })) as Resource;
      seen.push(...next.rows);
      token = next.pageToken;
    }
    expect(seen.map((r) => r.f[0].v)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('encodes TIMESTAMP, REPEATED and RECORD values as BigQuery does', async () => {
    const result = (await h.call('googleapis.bigquery.v2.jobs.query', {
      projectId: project,
      body: {
        query:
          "SELECT TIMESTAMP '2024-01-02 03:04:05.5+00' AS t, ['a', 'b'] AS arr, STRUCT(1 AS x, 'y' AS y) AS rec",
        useLegacySql: false,
      },
    })) as Resource;
    expect(result.schema.fields[1]).toEqual({ name: 'arr', type: 'STRING', mode: 'REPEATED' });
    expect(result.schema.fields[2].type).toBe('RECORD');
    expect(result.rows[0].f).toEqual([
      { v: '1.7041646455E9' },
      { v: [{ v: 'a' }, { v: 'b' }] },
      { v: { f: [{ v: '1' }, { v: 'y' }] } },
    ]);
  });

  it('raises HttpError maps with the BigQuery error body, and OperationError for failed jobs', async () => {
    const http = await rejection(
      h.call('googleapis.bigquery.v2.jobs.query', {
        projectId: project,
        body: { query: 'SELECT * FROM `test-proj.ds.none`', useLegacySql: false },
      }),
    );
    expect(http.value).toMatchObject({
      tags: ['HttpError'],
      code: 404,
      body: {
        error: {
          code: 404,
          errors: [{ reason: 'notFound', message: expect.stringContaining('test-proj:ds.none') }],
        },
      },
    });
    const op = await rejection(insertJob(h, 'SELECT FROM WHERE'));
    expect(op.value.tags).toEqual(['OperationError']);
    expect((op.value.operation as Resource).status.errorResult.reason).toBe('invalidQuery');
    const legacy = await rejection(
      h.call('googleapis.bigquery.v2.jobs.query', { projectId: project, body: { query: 'SELECT 1' } }),
    );
    expect(legacy.value.code).toBe(400);
    const body = {
      jobReference: { jobId: 'fixed-id' },
      configuration: { query: { query: 'SELECT 1', useLegacySql: false } },
    };
    await h.call('googleapis.bigquery.v2.jobs.insert', { projectId: project, body });
    const duplicate = await rejection(
      h.call('googleapis.bigquery.v2.jobs.insert', { projectId: project, body }),
    );
    expect(duplicate.value).toMatchObject({
      code: 409,
      body: { error: { errors: [{ reason: 'duplicate' }] } },
    });
    const missing = await rejection(
      h.call('googleapis.bigquery.v2.jobs.get', { projectId: project, jobId: 'no-such-job' }),
    );
    expect(missing.value.code).toBe(404);
  });

  it('describes tables and models', async () => {
    const table = (await h.call('googleapis.bigquery.v2.tables.get', {
      projectId: project,
      datasetId: 'ds',
      tableId: 'nums',
    })) as Resource;
    expect(table.numRows).toBe('6');
    expect(table.schema.fields.map((f: { type: string }) => f.type)).toEqual([
      'INTEGER',
      'STRING',
      'BOOLEAN',
      'TIMESTAMP',
    ]);
    await h.emulator.query(
      `CREATE MODEL \`test-proj.ds.g\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.5-flash')`,
    );
    const model = (await h.call('googleapis.bigquery.v2.models.get', {
      projectId: project,
      datasetId: 'ds',
      modelId: 'g',
    })) as Resource;
    expect(model.remoteModelInfo).toEqual({
      endpoint: 'gemini-2.5-flash',
      connection: 'projects/test-proj/locations/us/connections/llm',
    });
    const missing = await rejection(
      h.call('googleapis.bigquery.v2.models.get', { projectId: project, datasetId: 'ds', modelId: 'nope' }),
    );
    expect(missing.value.code).toBe(404);
  });
});

describe('fault injection', () => {
  const tuneSql = `CREATE MODEL IF NOT EXISTS \`test-proj.ds.tuned\` REMOTE WITH CONNECTION \`${connection}\`
    OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=40, data_split_method='NO_SPLIT')
    AS SELECT input_text AS prompt, output_text AS label FROM \`test-proj.ds.train\``;

  async function withTrain(h: Harness): Promise<void> {
    h.writeObject(
      'gs://bkt/train.jsonl',
      syntheticRows(20, 4)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await h.emulator.query(
      "LOAD DATA OVERWRITE `test-proj.ds.train` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/train.jsonl'])",
    );
  }

  it('fails the first jobs transiently, then lets them through', async () => {
    const h = await harness({
      faults: { jobFailures: { count: 1, reason: 'backendError' }, rowResourceExhausted: undefined },
    });
    const first = await rejection(insertJob(h, 'SELECT 1 AS x'));
    expect((first.value.operation as Resource).status.errorResult.reason).toBe('backendError');
    await expect(insertJob(h, 'SELECT 1 AS x')).resolves.toMatchObject({ status: { state: 'DONE' } });
    await h.emulator.close();
    const limited = await harness({
      faults: { jobFailures: { count: 1, reason: 'rateLimitExceeded', statementTypes: ['SELECT'] } },
    });
    const rate = await rejection(insertJob(limited, 'SELECT 1 AS x'));
    expect(rate.value).toMatchObject({
      tags: ['HttpError'],
      code: 403,
      body: { error: { errors: [{ reason: 'rateLimitExceeded' }] } },
    });
    await limited.emulator.close();
  });

  it('marks rows RESOURCE EXHAUSTED so only those need a retry pass', async () => {
    const h = await harness({ faults: { rowResourceExhausted: { rate: 0.5, maxPerRow: 1 } } });
    await h.emulator.query(
      `CREATE MODEL \`test-proj.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    );
    const sql = `SELECT prompt, status FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.base\`, (SELECT CONCAT('item ', CAST(x AS STRING)) AS prompt FROM UNNEST(@ids) AS x))`;
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const firstPass = (await h.emulator.query(sql, { ids })).rows;
    const failed = firstPass.filter((r) => r.status !== '');
    expect(failed.length).toBeGreaterThan(5);
    expect(failed[0].status).toMatch(/^A retryable error occurred: RESOURCE EXHAUSTED/);
    const retryIds = failed.map((r) => Number(String(r.prompt).split(' ')[1]));
    const secondPass = (await h.emulator.query(sql, { ids: retryIds })).rows;
    expect(secondPass.every((r) => r.status === '')).toBe(true);
    expect(h.emulator.stats.modelInvocations).toBe(40 + failed.length);
    expect(h.emulator.stats.rowFailures).toBe(failed.length);
    await h.emulator.close();
  });

  it('fails a tuning job once, and permission errors clear after N attempts', async () => {
    const h = await harness({ faults: { tuningFailures: 1, iamPropagationFailures: 2 } });
    await withTrain(h);
    for (let attempt = 0; attempt < 2; attempt++) {
      const denied = await rejection(insertJob(h, tuneSql));
      expect((denied.value.operation as Resource).status.errorResult.reason).toBe('accessDenied');
    }
    const start = h.ctx.clock;
    const failed = await rejection(insertJob(h, tuneSql, {}, { timeout: 86400 }));
    expect((failed.value.operation as Resource).status.errorResult.message).toMatch(/tuning job failed/);
    expect(h.ctx.clock - start).toBeGreaterThan(300);
    const job = (await insertJob(h, tuneSql, {}, { timeout: 86400 })) as Resource;
    expect(job.statistics.query.ddlOperationPerformed).toBe('CREATE');
    expect(job.statistics.query.mlStatistics.iterationResults).toHaveLength(2);
    await h.emulator.close();
  });

  it('raises TimeoutError when tuning outlasts connector_params.timeout', async () => {
    const h = await harness();
    await withTrain(h);
    const timeout = await rejection(insertJob(h, tuneSql, {}, { timeout: 60 }));
    expect(timeout.value.tags).toEqual(['TimeoutError']);
    await h.emulator.close();
  });

  it('answers a re-used job id with duplicate, reports a running job, and can lose an answer', async () => {
    const h = await harness({ faults: { lostAnswers: { count: 1, jobIdPattern: '^tune_' } } });
    await withTrain(h);
    const insert = (jobId: unknown, sql = tuneSql) =>
      h.call(
        'googleapis.bigquery.v2.jobs.insert',
        {
          projectId: project,
          body: {
            jobReference: { projectId: project, jobId, location: 'US' },
            configuration: { query: { query: sql, useLegacySql: false } },
          },
        },
        { timeout: 86400 },
      );
    const get = (jobId: string) =>
      h.call('googleapis.bigquery.v2.jobs.get', {
        projectId: project,
        jobId,
        location: 'US',
      }) as Promise<Resource>;
    // The job runs, but its answer is lost; a retry with the same id is told it exists.
    const lost = await rejection(insert('tune_1'));
    expect(lost.value.tags).toEqual(['ConnectionError']);
    const again = await rejection(insert('tune_1'));
    expect(again.value).toMatchObject({ code: 409, body: { error: { errors: [{ reason: 'duplicate' }] } } });
    // The lost job goes on running until it is done.
    expect((await get('tune_1')).status).toEqual({ state: 'RUNNING' });
    let done = await get('tune_1');
    for (let i = 0; i < 500 && done.status.state !== 'DONE'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      done = await get('tune_1');
    }
    expect(done.status).toEqual({ state: 'DONE' });
    expect(done.statistics.query.ddlOperationPerformed).toBe('CREATE');
    // A job still running answers RUNNING, and its results are not complete.
    const running = insert('tune_2', tuneSql.replace('ds.tuned', 'ds.tuned_2'));
    const meanwhile = await get('tune_2');
    expect(meanwhile.status).toEqual({ state: 'RUNNING' });
    expect(meanwhile.statistics).not.toHaveProperty('endTime');
    const partial = (await h.call('googleapis.bigquery.v2.jobs.getQueryResults', {
      projectId: project,
      jobId: 'tune_2',
    })) as Resource;
    expect(partial.jobComplete).toBe(false);
    expect(((await running) as Resource).status).toEqual({ state: 'DONE' });
    // Job ids follow BigQuery's rules: letters, digits, `_` and `-`, at most 1,024 characters.
    for (const bad of ['has space', 'a.b', '', 'x'.repeat(1025), 7]) {
      const refused = await rejection(insert(bad, 'SELECT 1'));
      expect(refused.value.code).toBe(400);
      expect(String(refused.value.message)).toBe('HTTP server responded with error code 400');
    }
    expect(((await insert('A-z_0'.padEnd(1024, '9'), 'SELECT 1')) as Resource).status).toEqual({
      state: 'DONE',
    });
    await h.emulator.close();
  });
});
