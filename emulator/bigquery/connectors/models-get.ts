import type { ConnectorHandler } from '../../workflows/connector-types';
import { httpError, notFound } from '../errors';
import { connectionName, displayModel, type ModelCatalog } from '../models';
import { requireString } from './request-args';

/**
 * `googleapis.bigquery.v2.models.get`: the Model resource of a remote model, with `trainingRuns` (loss per
 * iteration, training options) once it has been tuned. Times are epoch milliseconds as strings.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/models/get
 * @throws ConnectorError HttpError 404 (`notFound`) for an unknown model, 400 when an id is missing.
 */
export function modelsGet(catalog: ModelCatalog): ConnectorHandler {
  return async (args) => {
    const ref = {
      projectId: requireString(args, 'projectId'),
      datasetId: requireString(args, 'datasetId'),
      modelId: requireString(args, 'modelId'),
    };
    const entry = catalog.get(ref);
    if (!entry) throw httpError(notFound(`Not found: Model ${displayModel(ref)}`));
    const { record } = entry;
    const resource: Record<string, unknown> = {
      kind: 'bigquery#model',
      modelReference: { projectId: ref.projectId, datasetId: ref.datasetId, modelId: ref.modelId },
      creationTime: String(record.creationTime),
      lastModifiedTime: String(record.creationTime),
      location: record.connection.location.toUpperCase(),
      remoteModelInfo: { endpoint: record.endpoint, connection: connectionName(record.connection) },
    };
    if (record.training) {
      resource.trainingRuns = [
        {
          startTime: new Date(record.training.startTime).toISOString(),
          trainingOptions: {
            maxIterations: String(record.options.max_iterations ?? 300),
            learnRate: record.training.report.learningRate,
            dataSplitMethod: String(record.options.data_split_method ?? 'AUTO_SPLIT').toUpperCase(),
          },
          results: record.training.report.epochLoss.map((loss, index) => ({ index, trainingLoss: loss })),
        },
      ];
    }
    return resource;
  };
}
