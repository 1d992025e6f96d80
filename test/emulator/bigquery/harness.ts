import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createBigQueryEmulator,
  type BigQueryEmulator,
  type BigQueryEmulatorOptions,
} from '../../../emulator/bigquery';
import type { ConnectorContext } from '../../../emulator/workflows/connector-types';

export const project = 'test-proj';
export const connection = `${project}.us.llm`;

export interface Harness {
  emulator: BigQueryEmulator;
  dataDir: string;
  gcsDir: string;
  ctx: ConnectorContext & { clock: number };
  call(
    name: string,
    args: Record<string, unknown>,
    connectorParams?: Record<string, unknown>,
  ): Promise<unknown>;
  writeObject(uri: string, text: string): void;
}

export async function harness(
  options: Partial<BigQueryEmulatorOptions> = {},
  dir?: string,
): Promise<Harness> {
  const root = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bq-emulator-'));
  const dataDir = path.join(root, 'data');
  const gcsDir = path.join(root, 'gcs');
  const emulator = await createBigQueryEmulator({
    dataDir,
    gcsDir,
    projectId: project,
    connections: [connection],
    datasets: [`${project}.ds`],
    ...options,
  });
  const ctx = {
    clock: 1_700_000_000,
    connectorParams: {} as Record<string, unknown>,
    env: { GOOGLE_CLOUD_PROJECT_ID: project },
    async sleep(seconds: number) {
      ctx.clock += seconds;
    },
    now: () => ctx.clock,
  };
  return {
    emulator,
    dataDir,
    gcsDir,
    ctx,
    call(name, args, connectorParams = {}) {
      const handler = emulator.connectors.get(name);
      if (!handler) throw new Error(`no connector ${name}`);
      return handler(args, { ...ctx, connectorParams });
    },
    writeObject(uri, text) {
      const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri)!;
      const file = path.join(gcsDir, m[1], m[2]);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    },
  };
}

/** Runs a query job through the jobs.insert connector, as a workflow step does. */
export function insertJob(
  h: Harness,
  query: string,
  extra: Record<string, unknown> = {},
  connectorParams = {},
): Promise<unknown> {
  return h.call(
    'googleapis.bigquery.v2.jobs.insert',
    { projectId: project, body: { configuration: { query: { query, useLegacySql: false, ...extra } } } },
    connectorParams,
  );
}

/** REST resources are deep JSON; tests read into them freely and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Resource = Record<string, any>;

/** `[line:column]` of the first `needle` in `sql`, counted from the text (1-based, as BigQuery counts). */
export function at(sql: string, needle: string): string {
  const i = sql.indexOf(needle);
  if (i < 0) throw new Error(`${needle} is not in ${sql}`);
  const before = sql.slice(0, i).split('\n');
  return `[${before.length}:${before[before.length - 1].length + 1}]`;
}

/** The table resource `tables.get` answers for `ds.<tableId>` in the harness's project. */
export const tableResource = (h: Harness, tableId: string) =>
  h.call('googleapis.bigquery.v2.tables.get', { projectId: project, datasetId: 'ds', tableId }) as Promise<{
    type: string;
    expirationTime?: string;
  }>;

/** The reason of the BigQuery error a promise rejects with; throws if it resolves. */
export async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { reason: string }).reason;
  }
  throw new Error('expected a BigQuery error');
}
