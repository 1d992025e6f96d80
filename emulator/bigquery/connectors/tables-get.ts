import type { ConnectorHandler } from '../../workflows/connector-types';
import { httpError, notFound } from '../errors';
import { schemaField } from '../values';
import type { Engine } from '../engine';
import { tableExpiration } from '../table-options';
import { tableName, type Warehouse } from '../warehouse';
import { requireString } from './request-args';

/**
 * `googleapis.bigquery.v2.tables.get`: the Table resource of a table or view: its type, schema and
 * `numRows` (a string, as the STORAGE_STATS view gives it) and `expirationTime` when it has one. A table past
 * its expiration is dropped first, so it is not found.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/get
 * @throws ConnectorError HttpError 404 (`notFound`) for an unknown table, 400 when an id is missing.
 */
export function tablesGet(warehouse: Warehouse, engine: Engine): ConnectorHandler {
  return async (args) => {
    const ref = {
      projectId: requireString(args, 'projectId'),
      datasetId: requireString(args, 'datasetId'),
      tableId: requireString(args, 'tableId'),
    };
    await engine.dropExpired();
    const type = await warehouse.tableType(ref);
    if (!type) throw httpError(notFound(`Not found: Table ${ref.projectId}:${ref.datasetId}.${ref.tableId}`));
    const reader = await warehouse.connection.runAndReadAll(`SELECT * FROM ${tableName(ref)} LIMIT 0`);
    const fields = reader.columnNames().map((name, i) => schemaField(name, reader.columnTypes()[i]));
    const count = await warehouse.connection.runAndReadAll(`SELECT count(*) FROM ${tableName(ref)}`);
    // The Table resource's expirationTime: epoch milliseconds, as a string like every int64 in REST.
    const expiration = await tableExpiration(warehouse.connection, ref);
    return {
      kind: 'bigquery#table',
      id: `${ref.projectId}:${ref.datasetId}.${ref.tableId}`,
      tableReference: ref,
      type,
      schema: { fields },
      numRows: String(count.getRowsJson()[0][0]),
      ...(expiration === undefined ? {} : { expirationTime: String(expiration) }),
    };
  };
}
