import { harness, type Harness } from './harness';

/** Table functions with TABLE parameters, as BigQuery's table-functions page documents them. */
describe('CREATE TABLE FUNCTION and calls on the local emulator', () => {
  let h: Harness;
  const q = (sql: string) => h.emulator.query(sql);
  beforeAll(async () => {
    h = await harness();
    await q('CREATE TABLE `test-proj.ds.notes` (extra INT64, txt STRING, note_id STRING)');
    await q("INSERT INTO `test-proj.ds.notes` VALUES (1, 'a', 'n1'), (2, 'b', 'n2')");
    await q('CREATE TABLE `test-proj.ds.prefixes` (v STRING)');
    await q("INSERT INTO `test-proj.ds.prefixes` VALUES ('P: ')");
  });
  afterAll(() => h.emulator.close());

  const body =
    'AS (SELECT rows.note_id, CONCAT(p.v, rows.txt) AS prompt FROM rows CROSS JOIN `test-proj.ds.prefixes` AS p)';

  it('creates a function whose table argument may have more columns, in any order', async () => {
    const created = await q(
      `CREATE TABLE FUNCTION \`test-proj.ds.prompts\`(rows TABLE<note_id STRING, txt STRING>) ${body}`,
    );
    expect(created).toMatchObject({
      statementType: 'CREATE_TABLE_FUNCTION',
      ddlOperationPerformed: 'CREATE',
    });
    const { rows } = await q('SELECT * FROM ds.prompts(TABLE `test-proj.ds.notes`) ORDER BY note_id');
    expect(rows).toEqual([
      { note_id: 'n1', prompt: 'P: a' },
      { note_id: 'n2', prompt: 'P: b' },
    ]);
  });

  it('reads the current definition after OR REPLACE; IF NOT EXISTS skips; a plain CREATE of an existing one fails', async () => {
    await q(
      'CREATE OR REPLACE TABLE FUNCTION `test-proj.ds.prompts`(rows TABLE<note_id STRING>) AS (SELECT note_id FROM rows)',
    );
    const { rows } = await q('SELECT * FROM `test-proj.ds.prompts`(TABLE ds.notes) ORDER BY note_id');
    expect(rows).toEqual([{ note_id: 'n1' }, { note_id: 'n2' }]);
    const skipped = await q(
      'CREATE TABLE FUNCTION IF NOT EXISTS `test-proj.ds.prompts`(rows TABLE<txt STRING>) AS (SELECT txt FROM rows)',
    );
    expect(skipped.ddlOperationPerformed).toBe('SKIP');
    await expect(
      q('CREATE TABLE FUNCTION `test-proj.ds.prompts`(rows TABLE<txt STRING>) AS (SELECT txt FROM rows)'),
    ).rejects.toThrow('Already Exists: Function');
  });

  it('checks the body at CREATE and the argument at the call', async () => {
    await expect(
      q(
        'CREATE TABLE FUNCTION `test-proj.ds.bad`(rows TABLE<a STRING>) AS (SELECT a FROM rows JOIN ds.nope ON TRUE)',
      ),
    ).rejects.toThrow('Not found: Table');
    await expect(
      q('CREATE TABLE FUNCTION `test-proj.ds.bad`(rows TABLE<a STRING>) AS (SELECT b FROM rows)'),
    ).rejects.toThrow('"b" not found');
    await expect(q('SELECT * FROM ds.prompts(TABLE ds.prefixes)')).rejects.toThrow(
      'passed as rows to ds.prompts has no column note_id',
    );
    await expect(q('SELECT * FROM ds.prompts(TABLE ds.missing)')).rejects.toThrow('Not found: Table');
    await expect(q('SELECT * FROM ds.prompts(TABLE ds.notes, TABLE ds.notes)')).rejects.toThrow(
      'takes 1 arguments, got 2',
    );
  });

  it('reads a name as a call only where a table is read: INSERT INTO a table named like a function works', async () => {
    await q('CREATE TABLE `test-proj.ds.twin` (a STRING)');
    await q('CREATE TABLE FUNCTION `test-proj.ds.twin`(rows TABLE<a STRING>) AS (SELECT a FROM rows)');
    await q("INSERT INTO `test-proj.ds.twin` (a) VALUES ('x')");
    const { rows } = await q('SELECT * FROM `test-proj.ds.twin`(TABLE `test-proj.ds.twin`)');
    expect(rows).toEqual([{ a: 'x' }]);
  });

  it('refuses what it does not emulate and drops a function', async () => {
    await expect(q('CREATE TABLE FUNCTION `test-proj.ds.s`(y INT64) AS (SELECT y AS v)')).rejects.toThrow(
      'not supported by the local emulator',
    );
    await expect(
      q('CREATE TEMP TABLE FUNCTION s(rows TABLE<a STRING>) AS (SELECT a FROM rows)'),
    ).rejects.toThrow('not supported by the local emulator');
    const dropped = await q('DROP TABLE FUNCTION `test-proj.ds.prompts`');
    expect(dropped.statementType).toBe('DROP_TABLE_FUNCTION');
    await expect(q('SELECT * FROM ds.prompts(TABLE ds.notes)')).rejects.toThrow(
      'Table-valued function not found: ds.prompts',
    );
    await expect(q('DROP TABLE FUNCTION `test-proj.ds.prompts`')).rejects.toThrow('Not found: Function');
    await q('DROP TABLE FUNCTION IF EXISTS `test-proj.ds.prompts`');
  });
});
