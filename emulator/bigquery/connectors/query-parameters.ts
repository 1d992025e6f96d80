import type { ExecutionContext } from '../engine';
import { BigQueryError } from '../errors';
import { bindRestParameter, type BoundValue, type QueryParameter } from '../values';

/**
 * Binds a query configuration's `queryParameters` (REST `QueryParameter` objects) for the engine: by name
 * under `parameterMode: NAMED`, in order under `POSITIONAL`. Without `parameterMode` the mode is NAMED when
 * any parameter has a name. https://cloud.google.com/bigquery/docs/reference/rest/v2/QueryParameter and
 * `parameterMode` in https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationQuery
 * @throws BigQueryError `invalid` when `queryParameters` is not a list or a named parameter has no name,
 *   `invalidQuery` when a parameter has no type or an unsupported value; the job fails with it (the job's
 *   error, not an HttpError).
 */
export function bindParameters(
  config: Record<string, unknown>,
): Pick<ExecutionContext, 'params' | 'positional'> {
  const list = config.queryParameters;
  const params = new Map<string, BoundValue>();
  const positional: BoundValue[] = [];
  if (list === undefined) return { params, positional };
  if (!Array.isArray(list)) throw new BigQueryError('invalid', 'queryParameters must be a list');
  const mode = String(
    config.parameterMode ?? (list.some((p) => (p as QueryParameter).name) ? 'NAMED' : 'POSITIONAL'),
  ).toUpperCase();
  list.forEach((raw, i) => {
    const param = raw as QueryParameter;
    if (mode === 'NAMED') {
      if (!param.name)
        throw new BigQueryError('invalid', `queryParameters[${i}]: a named parameter needs a name`);
      params.set(param.name, bindRestParameter(param, `@${param.name}`));
    } else positional.push(bindRestParameter(param, `${i + 1}`));
  });
  return { params, positional };
}
