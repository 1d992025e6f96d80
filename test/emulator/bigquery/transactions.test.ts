import { harness, project, type Harness } from './harness';

/**
 * DML concurrency and multi-statement transactions as the DML and transactions pages describe them. Two
 * scripts submitted together interleave statement by statement, the way two jobs overlap on BigQuery.
 */
const t = `\`${project}.ds.pointer\``;
const log = `\`${project}.ds.log\``;

const promote = (from: string, to: string) => `
BEGIN TRANSACTION;
INSERT INTO ${log} (who) VALUES ('${to}');
UPDATE ${t} SET model = '${to}' WHERE name = 'svc' AND model = '${from}';
COMMIT TRANSACTION;`;

const failure = async (work: Promise<unknown>): Promise<string | undefined> => {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('DML concurrency and transactions', () => {
  let h: Harness;
  const q = (sql: string) => h.emulator.query(sql);
  const rows = async (sql: string) => (await q(sql)).rows;

  beforeEach(async () => {
    h = await harness();
    await q(`CREATE TABLE ${t} (name STRING, model STRING)`);
    await q(`CREATE TABLE ${log} (who STRING)`);
    await q(`INSERT INTO ${t} (name, model) VALUES ('svc', 'a')`);
  });
  afterEach(() => h.emulator.close());

  it('runs concurrent INSERT statements without conflict', async () => {
    const inserts = ['x', 'y', 'z'].map((w) => q(`INSERT INTO ${log} (who) VALUES ('${w}')`));
    const done = await Promise.all(inserts);
    expect(done.map((d) => d.numDmlAffectedRows)).toEqual([1, 1, 1]);
    expect(await rows(`SELECT who FROM ${log} ORDER BY who`)).toEqual([
      { who: 'x' },
      { who: 'y' },
      { who: 'z' },
    ]);
  });

  it('cancels the second of two transactions that mutate one table, and rolls back all it did', async () => {
    const [first, second] = await Promise.all([failure(q(promote('a', 'b'))), failure(q(promote('a', 'c')))]);
    expect(first).toBeUndefined();
    expect(second).toBe(
      `Transaction is aborted due to concurrent update against table ${project}:ds.pointer.`,
    );
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'b' }]);
    // The loser's INSERT went with its transaction.
    expect(await rows(`SELECT who FROM ${log}`)).toEqual([{ who: 'b' }]);
    // Retried, it reads the new snapshot: the compare fails and it changes nothing.
    expect(await failure(q(promote('a', 'c')))).toBeUndefined();
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'b' }]);
  });

  it('reads a snapshot taken at BEGIN, and sees its own writes', async () => {
    const script = `
BEGIN TRANSACTION;
INSERT INTO ${log} (who) VALUES ('inside');
SELECT COUNT(*) AS n FROM ${log};
COMMIT TRANSACTION;`;
    const [inTx] = await Promise.all([q(script), q(`INSERT INTO ${log} (who) VALUES ('outside')`)]);
    // The outside INSERT committed after BEGIN: the transaction saw only its own row.
    expect(inTx.statementType).toBe('SCRIPT');
    expect(inTx.rows).toEqual([{ n: '1' }]);
    expect(await rows(`SELECT who FROM ${log} ORDER BY who`)).toEqual([
      { who: 'inside' },
      { who: 'outside' },
    ]);
    const counted = await q(`BEGIN TRANSACTION; SELECT COUNT(*) AS n FROM ${log}; COMMIT TRANSACTION`);
    expect(counted.rows).toEqual([{ n: '2' }]);
  });

  it('cancels a transaction whose table was mutated by another job after its snapshot', async () => {
    const script = `
BEGIN TRANSACTION;
SELECT model FROM ${t};
UPDATE ${t} SET model = 'tx' WHERE name = 'svc';
COMMIT TRANSACTION;`;
    const [tx, plain] = await Promise.all([
      failure(q(script)),
      failure(q(`UPDATE ${t} SET model = 'plain' WHERE name = 'svc'`)),
    ]);
    expect(plain).toBeUndefined();
    expect(tx).toMatch(/concurrent update against table/);
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'plain' }]);
  });

  it('queues a mutating statement outside a transaction until the transaction holding its table ends', async () => {
    const script = `
BEGIN TRANSACTION;
UPDATE ${t} SET model = 'tx' WHERE name = 'svc';
SELECT 1 AS pause;
SELECT 2 AS pause;
COMMIT TRANSACTION;`;
    const order: string[] = [];
    const transaction = q(script).then(() => order.push('transaction'));
    // Two queries interleave with the transaction's first statements, so its UPDATE has run after them.
    await q('SELECT 1');
    await q('SELECT 2');
    // The plain UPDATE now waits for the COMMIT, then overwrites.
    const plain = q(`UPDATE ${t} SET model = 'plain' WHERE name = 'svc'`).then(() => order.push('plain'));
    await Promise.all([transaction, plain]);
    expect(order).toEqual(['transaction', 'plain']);
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'plain' }]);
  });

  it('rolls back on ROLLBACK, on an error, and when the script ends inside the transaction', async () => {
    await q(`BEGIN TRANSACTION; UPDATE ${t} SET model = 'r' WHERE TRUE; ROLLBACK TRANSACTION`);
    const missing = `\`${project}.ds.missing\``;
    expect(
      await failure(q(`BEGIN TRANSACTION; UPDATE ${t} SET model = 'e' WHERE TRUE; SELECT * FROM ${missing}`)),
    ).toMatch(/^Not found: Table test-proj:ds.missing/);
    await q(`BEGIN TRANSACTION; UPDATE ${t} SET model = 'open' WHERE TRUE`);
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'a' }]);
    // The table is free again: a later transaction is not cancelled by the ones that ended.
    await q(promote('a', 'z'));
    expect(await rows(`SELECT model FROM ${t}`)).toEqual([{ model: 'z' }]);
  });

  it('rejects nesting, a stray COMMIT and DDL on permanent tables inside a transaction', async () => {
    expect(await failure(q('BEGIN TRANSACTION; BEGIN TRANSACTION; COMMIT TRANSACTION'))).toBe(
      'Nested transactions are not supported: a transaction is already open',
    );
    expect(await failure(q('COMMIT TRANSACTION'))).toBe('COMMIT TRANSACTION without an open transaction');
    expect(
      await failure(
        q(`BEGIN TRANSACTION; CREATE TABLE \`${project}.ds.other\` (x INT64); COMMIT TRANSACTION`),
      ),
    ).toMatch(/^CREATE_TABLE is not supported inside a transaction/);
  });
});
