import { createBaselineModelSql, currentChampionsSql, jobIdFor } from '../../infra/sql';
import { pulumiTableSchema } from '../../infra/table-schema';
import { runsTable } from '../../bigquery/tables';

const statement = {
  project: 'my-project',
  dataset: 'bqtune',
  model: 'base',
  connection: { project: 'my-project', location: 'US', connectionId: 'bqtune_vertex' },
  endpoint: 'gemini-2.0-flash-001',
};

test('the baseline statement is the documented CREATE MODEL ... REMOTE form', () => {
  expect(createBaselineModelSql(statement)).toBe(
    'CREATE MODEL IF NOT EXISTS `my-project.bqtune.base`\n' +
      'REMOTE WITH CONNECTION `my-project.US.bqtune_vertex`\n' +
      "OPTIONS (ENDPOINT = 'gemini-2.0-flash-001')",
  );
});

test.each([
  [{ ...statement, dataset: 'bq`tune' }, 'model.dataset'],
  [{ ...statement, model: 'base; DROP TABLE x' }, 'model.model'],
  [{ ...statement, connection: { ...statement.connection, location: 'mars' } }, 'connection.location'],
])('rejects an identifier that could change the statement (%#)', (bad, field) => {
  expect(() => createBaselineModelSql(bad)).toThrow(field);
});

test('job ids change with the statement and follow BigQuery job id rules', () => {
  const a = jobIdFor('bqtune_baseline', createBaselineModelSql(statement));
  const b = jobIdFor(
    'bqtune_baseline',
    createBaselineModelSql({ ...statement, endpoint: 'gemini-2.0-flash-lite-001' }),
  );
  expect(a).not.toBe(b);
  expect(a).toBe(jobIdFor('bqtune_baseline', createBaselineModelSql(statement)));
  expect(a).toMatch(/^bqtune_baseline_[0-9a-f]{32}$/);
  expect(() => jobIdFor('bad prefix', 'x')).toThrow('job id prefix');
});

test('the champions view reads the pointer rows, and the latest registry event where there is none yet', () => {
  const sql = currentChampionsSql('my-project', 'bqtune');
  expect(sql).toContain('FROM `my-project.bqtune.champions`');
  expect(sql).toContain('FROM `my-project.bqtune.model_registry`');
  expect(sql).toContain('PARTITION BY serving_name ORDER BY recorded_at DESC');
  expect(sql).toContain('WHERE NOT EXISTS (SELECT 1 FROM `my-project.bqtune.champions` AS p');
  expect(() => currentChampionsSql('my-project', 'a.b')).toThrow('dataset');
});

test('table schemas are REST TableFieldSchema JSON with the legacy type names the API reports', () => {
  const fields = JSON.parse(pulumiTableSchema(runsTable)) as { name: string; type: string; mode: string }[];
  expect(fields.map((f) => f.name)).toEqual(runsTable.fields.map((f) => f.name));
  expect(fields.find((f) => f.name === 'tuning_reused')).toMatchObject({ type: 'BOOLEAN', mode: 'NULLABLE' });
  expect(fields.find((f) => f.name === 'config')?.type).toBe('JSON');
  expect(fields.find((f) => f.name === 'recorded_at')).toMatchObject({ type: 'TIMESTAMP', mode: 'REQUIRED' });
});
