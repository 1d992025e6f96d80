import { BIGINT, BLOB, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { farmFingerprint } from './farmhash';
import { duckdbMacros } from './functions';

/**
 * Defines in a DuckDB connection what the translated SQL calls: the `bq_*` macros of the function table and
 * `bq_farm_fingerprint` (FARM_FINGERPRINT, computed in JavaScript since DuckDB has no FarmHash), for
 * STRING and BYTES.
 */
export async function installFunctions(connection: DuckDBConnection): Promise<void> {
  for (const macro of duckdbMacros) await connection.run(macro);
  for (const type of [VARCHAR, BLOB]) {
    connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name: 'bq_farm_fingerprint',
        returnType: BIGINT,
        parameterTypes: [type],
        mainFunction: (_info, input, output) => {
          const column = input.getColumnVector(0);
          for (let row = 0; row < input.rowCount; row++) {
            const value = column.getItem(row) as string | { bytes: Uint8Array } | null;
            output.setItem(
              row,
              value === null ? null : farmFingerprint(typeof value === 'string' ? value : value.bytes),
            );
          }
          output.flush();
        },
      }),
    );
  }
}
