import { modelRunConfigQuery, runsTable } from '../../bigquery';
import { retirementNote } from '../../bigquery/model-catalog';
import type { PipelineWarehouse } from './warehouse';

/** The base endpoint a tuned model was tuned on, from the run that produced it; undefined when unknown. */
export async function tunedModelBase(
  warehouse: PipelineWarehouse,
  model: string,
): Promise<string | undefined> {
  const sql = modelRunConfigQuery({
    project: warehouse.project,
    dataset: warehouse.dataset,
    table: runsTable.id,
  });
  const { rows } = await warehouse.query(sql, { model_name: model });
  const config = rows[0]?.config;
  if (config === undefined || config === null) return undefined;
  const args = (typeof config === 'string' ? JSON.parse(config) : config) as {
    model?: { baseEndpoint?: unknown };
  };
  return typeof args.model?.baseEndpoint === 'string' ? args.model.baseEndpoint : undefined;
}

/** When the champion stops serving: its base model's retirement, which a tuned model shares. */
export async function championServingNote(
  warehouse: PipelineWarehouse,
  model: string,
  today: Date,
): Promise<string> {
  const base = await tunedModelBase(warehouse, model);
  return base === undefined
    ? 'serving until: unknown (no run of this model records its base endpoint)'
    : `serving until: ${retirementNote(base, today)}`;
}
