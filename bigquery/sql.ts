import type { Placeholder } from './placeholders';

/** One parameter in the BigQuery REST `queryParameters` shape (jobs.insert / jobs.query, NAMED mode). */
export interface QueryParameter {
  name: string;
  parameterType: { type: ScalarParameterType } | { type: 'ARRAY'; arrayType: { type: ScalarParameterType } };
  parameterValue: { value: string } | { arrayValues: { value: string }[] };
}

export type ScalarParameterType = 'STRING' | 'INT64' | 'FLOAT64' | 'BOOL';

/**
 * A statement as compiled: the text, the named query parameters it reads (`@name`), and the `{{name}}`
 * placeholders the caller must substitute (after checking each value against its pattern) before running it.
 */
export interface Sql {
  text: string;
  params: QueryParameter[];
  placeholders: Placeholder[];
}

const paramName = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Throws unless `name` is a valid query parameter name (a letter or underscore, then up to 127 more). */
export function checkParamName(name: string): void {
  if (!paramName.test(name)) throw new Error(`query parameter name ${JSON.stringify(name)} is not valid`);
}

/**
 * A STRING parameter. The value is passed through as is: a concrete string, or, in a compiled workflow, the
 * expression that yields it at run time. BigQuery treats it as data, never as SQL.
 */
export function stringParam(name: string, value: string): QueryParameter {
  checkParamName(name);
  return { name, parameterType: { type: 'STRING' }, parameterValue: { value } };
}

/** An INT64 parameter; a number must be a safe integer, a string is passed through (run-time expression). */
export function int64Param(name: string, value: number | string): QueryParameter {
  checkParamName(name);
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new Error(`query parameter ${name}: ${value} is not a safe integer`);
  }
  return { name, parameterType: { type: 'INT64' }, parameterValue: { value: String(value) } };
}

export function stringArrayParam(name: string, values: readonly string[]): QueryParameter {
  checkParamName(name);
  return {
    name,
    parameterType: { type: 'ARRAY', arrayType: { type: 'STRING' } },
    parameterValue: { arrayValues: values.map((value) => ({ value })) },
  };
}
