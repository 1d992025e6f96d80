import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRetryableStatus, retryableStatusSql, sql, stringParam, toSql } from '../../bigquery';
import { createBigQueryEmulator, type BigQueryEmulator } from '../../emulator/bigquery';

/**
 * Which per-row generation status a retry pass regenerates, decided the same way in TypeScript and in the
 * SQL the pipeline runs: a status is retryable when it contains, in any letter case, "a retryable error
 * occurred", "resource exhausted" or "resource_exhausted" (the quota errors BigQuery ML reports per row);
 * success (an empty status) and every other error are left alone. Expected answers are written by hand.
 */
const cases: [string, boolean][] = [
  ['', false],
  ['A retryable error occurred: RESOURCE EXHAUSTED error from https://endpoint', true],
  // Each marker alone, in another letter case.
  ['a RETRYABLE error OCCURRED', true],
  ['Resource Exhausted', true],
  ['RESOURCE_EXHAUSTED: quota', true],
  ['429 resource_exhausted', true],
  // Errors that another attempt would only repeat.
  ['INVALID_ARGUMENT: bad prompt', false],
  ['A non-retryable error occurred: INVALID_ARGUMENT', false],
  ['resource', false],
  ['exhausted', false],
  ['resource-exhausted', false],
];

let bq: BigQueryEmulator;
beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-retryable-'));
  bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: 'retry-proj',
  });
});
afterAll(() => bq.close());

test.each(cases)('%j retryable: %s (TypeScript and SQL)', async (status, retryable) => {
  expect(isRetryableStatus(status)).toBe(retryable);
  const query = toSql(sql`SELECT ${retryableStatusSql(sql`${stringParam('status', status)}`)} AS retryable`);
  const { rows } = await bq.query(query.text, query.params);
  expect(rows).toEqual([{ retryable }]);
});

test('a NULL status (no row) is not retryable in SQL', async () => {
  const { rows } = await bq.query(
    `SELECT COALESCE(${retryableStatusSql(sql`CAST(NULL AS STRING)`).text}, FALSE) AS retryable`,
  );
  expect(rows).toEqual([{ retryable: false }]);
});
