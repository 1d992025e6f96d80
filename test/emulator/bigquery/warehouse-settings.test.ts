import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Warehouse, duckdbSettings } from '../../../emulator/bigquery/warehouse';

let dir: string;
let warehouse: Warehouse;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-warehouse-'));
  warehouse = await Warehouse.open(path.join(dir, 'warehouse.duckdb'), 'p');
});
afterAll(() => {
  warehouse.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const setting = async (connection: Awaited<ReturnType<Warehouse['connect']>>, name: string) =>
  String((await connection.runAndReadAll(`SELECT current_setting('${name}')`)).getRows()[0][0]);

test('the database runs on one thread under a 256 MiB buffer limit, for every connection', async () => {
  expect(duckdbSettings).toEqual({ threads: '1', memory_limit: '256MiB' });
  const second = await warehouse.connect();
  try {
    for (const connection of [warehouse.connection, second]) {
      expect(await setting(connection, 'threads')).toBe('1');
      expect(await setting(connection, 'memory_limit')).toBe('256.0 MiB');
      // What the limit is for: the row groups an INSERT buffers are sized from it (DuckDB's default would
      // be a fraction of 80% of RAM).
      const buffer = /^([\d.]+) MiB$/.exec(await setting(connection, 'write_buffer_row_group_memory_limit'));
      expect(Number(buffer?.[1])).toBeLessThanOrEqual(32);
    }
  } finally {
    second.closeSync();
  }
});
