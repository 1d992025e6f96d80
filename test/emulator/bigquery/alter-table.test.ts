import { harness, type Harness } from './harness';

/** ALTER TABLE ADD COLUMN as BigQuery documents it: NULLABLE columns only; everything else refused. */
describe('ALTER TABLE ... ADD COLUMN on the local emulator', () => {
  let h: Harness;
  const t = '`test-proj.ds.grows`';
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(`CREATE TABLE ${t} (a STRING NOT NULL)`);
    await h.emulator.query(`INSERT INTO ${t} (a) VALUES ('x')`);
  });
  afterAll(() => h.emulator.close());

  it('adds NULLABLE columns, NULL in existing rows, and skips existing ones with IF NOT EXISTS', async () => {
    const first = await h.emulator.query(
      `ALTER TABLE ${t} ADD COLUMN b INT64 OPTIONS(description = 'n'), ADD COLUMN IF NOT EXISTS c JSON`,
    );
    expect(first.ddlOperationPerformed).toBe('ALTER');
    const again = await h.emulator.query(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS b INT64`);
    expect(again.ddlOperationPerformed).toBe('SKIP');
    const { rows, schema } = await h.emulator.query(`SELECT * FROM ${t}`);
    expect(schema.map((f) => [f.name, f.type])).toEqual([
      ['a', 'STRING'],
      ['b', 'INTEGER'],
      ['c', 'JSON'],
    ]);
    expect(rows).toEqual([{ a: 'x', b: null, c: null }]);
  });

  it('refuses a REQUIRED column, an existing column without IF NOT EXISTS, a missing table and other forms', async () => {
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN d STRING NOT NULL`)).rejects.toThrow(
      'Cannot add a REQUIRED column d to an existing table',
    );
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN a STRING`)).rejects.toThrow(
      'Column already exists: a',
    );
    await expect(h.emulator.query('ALTER TABLE `test-proj.ds.nope` ADD COLUMN a STRING')).rejects.toThrow(
      'Not found: Table',
    );
    const skipped = await h.emulator.query('ALTER TABLE IF EXISTS `test-proj.ds.nope` ADD COLUMN a STRING');
    expect(skipped.ddlOperationPerformed).toBe('SKIP');
    await expect(h.emulator.query(`ALTER TABLE ${t} DROP COLUMN b`)).rejects.toThrow(
      'not supported by the local emulator',
    );
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN e ARRAY<STRING>`)).rejects.toThrow(
      'not supported by the local emulator',
    );
  });
});
