import {
  BIGINT,
  BLOB,
  DuckDBBlobValue,
  DuckDBScalarFunction,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import { duckdbMacros } from './functions';
import { typeNameMacro } from './values';
import { farmFingerprint, fromBase32, initcap, instr, normalize, toBase32 } from './js-functions';

/** A JavaScript function over non-NULL arguments; a NULL argument gives NULL, a thrown Error fails the query. */
interface JsFunction {
  name: string;
  params: DuckDBType[];
  returns: DuckDBType;
  run: (...args: never[]) => unknown;
}

const blobBytes = (value: unknown): Uint8Array => (value as DuckDBBlobValue).bytes;

const jsFunctions: JsFunction[] = [
  { name: 'bq_farm_fingerprint', params: [VARCHAR], returns: BIGINT, run: (s: string) => farmFingerprint(s) },
  {
    name: 'bq_farm_fingerprint',
    params: [BLOB],
    returns: BIGINT,
    run: (b: unknown) => farmFingerprint(blobBytes(b)),
  },
  {
    name: 'bq_instr',
    params: [VARCHAR, VARCHAR, BIGINT, BIGINT],
    returns: BIGINT,
    run: (v: string, s: string, p: bigint, o: bigint) => BigInt(instr(v, s, Number(p), Number(o))),
  },
  { name: 'bq_initcap', params: [VARCHAR], returns: VARCHAR, run: (v: string) => initcap(v) },
  {
    name: 'bq_initcap',
    params: [VARCHAR, VARCHAR],
    returns: VARCHAR,
    run: (v: string, d: string) => initcap(v, d),
  },
  {
    name: 'bq_normalize',
    params: [VARCHAR, VARCHAR],
    returns: VARCHAR,
    run: (v: string, m: string) => normalize(v, m),
  },
  { name: 'bq_to_base32', params: [BLOB], returns: VARCHAR, run: (b: unknown) => toBase32(blobBytes(b)) },
  {
    name: 'bq_from_base32',
    params: [VARCHAR],
    returns: BLOB,
    run: (s: string) => new DuckDBBlobValue(fromBase32(s)),
  },
];

/**
 * Defines in a DuckDB connection what the translated SQL calls: the `bq_*` macros of the function table
 * and the functions computed in JavaScript (js-functions.ts).
 */
export async function installFunctions(connection: DuckDBConnection): Promise<void> {
  for (const macro of [typeNameMacro(), ...duckdbMacros]) await connection.run(macro);
  for (const fn of jsFunctions) {
    connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name: fn.name,
        returnType: fn.returns,
        parameterTypes: fn.params,
        mainFunction: (info, input, output) => {
          const columns = fn.params.map((_, i) => input.getColumnVector(i));
          try {
            for (let row = 0; row < input.rowCount; row++) {
              const args = columns.map((c) => c.getItem(row));
              output.setItem(
                row,
                args.some((a) => a === null) ? null : (fn.run as (...a: unknown[]) => never)(...args),
              );
            }
            output.flush();
          } catch (error) {
            info.setError(error instanceof Error ? error.message : String(error));
          }
        },
      }),
    );
  }
}
