/**
 * The DuckDB side: one database file per run directory. A BigQuery dataset `project.dataset` is the DuckDB
 * schema `project__dataset` (project ids cannot contain `__`, so the mapping is reversible).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { BigQueryError, invalidQuery, notFound } from './errors';
import { location as tokenLocation, type Token } from './tokenizer';
import { installFunctions } from './duckdb-functions';
import { quoteIdent, translate, type Translation } from './translate';
import type { BoundValue } from './values';

/** `project.dataset`, as the REST DatasetReference names a dataset. */
export interface DatasetRef {
  projectId: string;
  datasetId: string;
}

export interface TableRef extends DatasetRef {
  tableId: string;
}

/** The DuckDB schema of a dataset: `project__dataset` (unquoted). */
export const schemaName = (ref: DatasetRef): string => `${ref.projectId}__${ref.datasetId}`;

/** The quoted DuckDB name of a table: `"project__dataset"."table"`. */
export const tableName = (ref: TableRef): string =>
  `${quoteIdent(schemaName(ref))}.${quoteIdent(ref.tableId)}`;

/** `project:dataset.table`, as BigQuery names a table in its messages. */
export const displayTable = (ref: TableRef): string => `${ref.projectId}:${ref.datasetId}.${ref.tableId}`;

export interface ResultSet {
  reader: DuckDBResultReader;
}

/** Session settings every connection needs to answer as BigQuery does. */
async function configure(connection: DuckDBConnection): Promise<void> {
  await connection.run("SET TimeZone = 'UTC'");
  // BigQuery sorts NULLs first in ascending and last in descending order.
  await connection.run("SET default_null_order = 'nulls_first_on_asc_last_on_desc'");
}

/**
 * The database's settings, which change how much memory and how many threads a query uses, never what it
 * answers:
 * - one thread: parallel aggregation sums doubles in varying order, and metrics must not wobble in the last
 *   bit between runs over the same rows;
 * - a 256 MiB buffer manager limit instead of DuckDB's default of 80% of RAM
 *   (https://duckdb.org/docs/current/operations_manual/limits): DuckDB sizes the row groups an INSERT
 *   buffers before writing them from it (1.2 GiB on a 24 GiB machine, 25.5 MiB here) and keeps cached table
 *   blocks up to it, so a first run at 50,000 training rows peaks lower (bench/pipeline.ts). Joins,
 *   aggregates, sorts and windows that outgrow it spill to `<database file>.tmp` instead
 *   (https://duckdb.org/docs/current/guides/performance/how_to_tune_workloads, "Spilling to Disk").
 */
export const duckdbSettings = { threads: '1', memory_limit: '256MiB' } as const;

/**
 * The emulator's storage: one DuckDB database file whose schemas are the BigQuery datasets, a shared
 * connection every statement runs on, and the translation of GoogleSQL to it with BigQuery's errors.
 */
export class Warehouse {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly defaultProject: string,
  ) {}

  /**
   * Opens (or creates) the database file with `duckdbSettings`, UTC and BigQuery's NULL order on every
   * connection and the emulator's functions installed; `defaultProject` completes `dataset.table` paths.
   */
  static async open(file: string, defaultProject: string): Promise<Warehouse> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file, duckdbSettings);
    const connection = await instance.connect();
    await configure(connection);
    // Macros and JavaScript functions are the database's: a connection made later for a transaction sees them.
    await installFunctions(connection);
    return new Warehouse(instance, connection, defaultProject);
  }

  /**
   * A second connection to the same database, for a multi-statement transaction: DuckDB gives each
   * connection its own transaction, so one job's open transaction reads its own snapshot while other jobs
   * go on committing on the shared connection.
   */
  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    await configure(connection);
    return connection;
  }

  /** Closes the shared connection and the database (connections from `connect` must be closed first). */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /**
   * Resolves a table path the way BigQuery does with no default dataset: `dataset.table` uses the job's project.
   * @throws BigQueryError `invalidQuery` for a path without a dataset.
   */
  tableRef(parts: string[], at?: Token): TableRef {
    if (parts.length === 3) return { projectId: parts[0], datasetId: parts[1], tableId: parts[2] };
    if (parts.length === 2) return { projectId: this.defaultProject, datasetId: parts[0], tableId: parts[1] };
    throw invalidQuery(
      `Table name "${parts.join('.')}" missing dataset while no default dataset is set in the request at ${tokenLocation(at)}`,
    );
  }

  /** Whether the dataset's schema exists. */
  async datasetExists(ref: DatasetRef): Promise<boolean> {
    const reader = await this.connection.runAndReadAll(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = $name',
      { name: schemaName(ref) },
    );
    return reader.currentRowCount > 0;
  }

  /** Creates the dataset's schema unless it exists. */
  async createDataset(ref: DatasetRef): Promise<void> {
    await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schemaName(ref))}`);
  }

  /** @throws BigQueryError `notFound` (`Not found: Dataset project:dataset`) when the dataset does not exist. */
  async requireDataset(ref: DatasetRef): Promise<void> {
    if (!(await this.datasetExists(ref))) {
      throw notFound(`Not found: Dataset ${ref.projectId}:${ref.datasetId}`);
    }
  }

  /** Whether a table or view of that name exists. */
  async tableExists(ref: TableRef): Promise<boolean> {
    const reader = await this.connection.runAndReadAll(
      'SELECT 1 FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table',
      { schema: schemaName(ref), table: ref.tableId },
    );
    return reader.currentRowCount > 0;
  }

  /** The Table resource's `type` of a table or view; undefined when there is none. */
  async tableType(ref: TableRef): Promise<'TABLE' | 'VIEW' | undefined> {
    const reader = await this.connection.runAndReadAll(
      'SELECT table_type FROM information_schema.tables WHERE table_schema = $schema AND table_name = $table',
      { schema: schemaName(ref), table: ref.tableId },
    );
    if (reader.currentRowCount === 0) return undefined;
    return String(reader.getRows()[0][0]) === 'VIEW' ? 'VIEW' : 'TABLE';
  }

  /**
   * Translates GoogleSQL tokens, remembering which tables they named so errors can name them back.
   * `options.now` is the statement's instant (epoch ms) its current-time functions read.
   */
  translate(tokens: Token[], options: { ddl?: boolean; now: number }): Translation & { tables: TableRef[] } {
    const tables: TableRef[] = [];
    const translation = translate(
      tokens,
      (parts, at) => {
        const ref = this.tableRef(parts, at);
        tables.push(ref);
        return tableName(ref);
      },
      options,
    );
    return { ...translation, tables };
  }

  /**
   * Runs translated SQL with its named (`@name`) and positional (`?`) parameters bound, on the shared
   * connection unless a transaction's connection is given.
   * @throws BigQueryError `invalidQuery` for a parameter the statement uses but was not given; DuckDB's own
   *   errors as BigQuery says them (mapError).
   */
  async run(
    translation: Translation & { tables: TableRef[] },
    params: Map<string, BoundValue>,
    positional: BoundValue[],
    connection: DuckDBConnection = this.connection,
  ): Promise<DuckDBResultReader> {
    const values: Record<string, DuckDBValue> = {};
    const types: Record<string, DuckDBType> = {};
    for (const name of translation.params) {
      const bound = params.get(name);
      if (!bound) throw invalidQuery(`Query parameter '${name}' not found`);
      values[name] = bound.value;
      types[name] = bound.type;
    }
    for (let i = 0; i < translation.positional; i++) {
      const bound = positional[i];
      if (!bound) throw invalidQuery(`Positional query parameter ${i + 1} not found`);
      values[String(i + 1)] = bound.value;
      types[String(i + 1)] = bound.type;
    }
    try {
      return await connection.runAndReadAll(translation.sql, values, types);
    } catch (error) {
      throw this.mapError(error, translation.tables);
    }
  }

  /** DuckDB's errors, said the way BigQuery says them. */
  mapError(error: unknown, tables: TableRef[]): BigQueryError {
    if (error instanceof BigQueryError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split('\n')[0];
    const missingTable = /Table with name (\S+) does not exist/.exec(firstLine);
    if (missingTable) {
      const ref = tables.find((t) => t.tableId === missingTable[1]);
      return notFound(
        `Not found: Table ${ref ? displayTable(ref) : missingTable[1]} was not found in location US`,
      );
    }
    const missingSchema = /Schema with name "?([^"\s]+?)"? does not exist/.exec(firstLine);
    if (missingSchema) {
      const [projectId, datasetId] = missingSchema[1].split('__');
      return notFound(`Not found: Dataset ${projectId}:${datasetId ?? ''} was not found in location US`);
    }
    if (/already exists/i.test(firstLine))
      return new BigQueryError('duplicate', `Already Exists: ${firstLine.replace(/^[A-Za-z ]+Error: /, '')}`);
    // The grammar checks pass only GoogleSQL, so what DuckDB's parser still refuses is a form it lacks.
    if (/^Parser Error: /.test(firstLine.replace(/^Failed to extract statements: /, '')))
      return invalidQuery(
        `not supported by the local emulator: DuckDB, which runs the statement locally, cannot parse it (${firstLine.replace(/^.*Parser Error: /, '')})`,
      );
    if (/^(Constraint|Conversion|Invalid Input|Out of Range) Error/.test(firstLine)) {
      return new BigQueryError('invalid', firstLine.replace(/^[A-Za-z ]+Error: /, ''));
    }
    return invalidQuery(firstLine.replace(/^[A-Za-z ]+Error: /, ''));
  }
}
