import { championServingNote, tunedModelBase } from '../../../cli/history/champion-base';
import { openLocalWarehouse, type PipelineWarehouse } from '../../../cli/history/warehouse';
import { catalogEntry, confirmed, defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import { tempDir } from '../local/fixtures';

/** A runs row as the pipeline records it: run arguments in `config`, the content-addressed tuned model. */
async function recordRun(warehouse: PipelineWarehouse, runId: string, tuned: string, baseEndpoint: string) {
  const config = JSON.stringify({ model: { baseEndpoint } }).replace(/'/g, "\\'");
  await warehouse.query({
    text:
      `INSERT INTO \`${warehouse.project}.${warehouse.dataset}.runs\` (run_id, status, config, tuned_model, recorded_at) ` +
      `VALUES ('${runId}', 'succeeded', PARSE_JSON('${config}'), '${tuned}', CURRENT_TIMESTAMP())`,
    params: [],
    placeholders: [],
  });
}

test('the champion is serving until its base model retires, read from the run that tuned it', async () => {
  const warehouse = await openLocalWarehouse(tempDir('champion-base'));
  try {
    const tuned = `${warehouse.project}.${warehouse.dataset}.tuned_abcd`;
    await recordRun(warehouse, 'run_a', tuned, defaultBaseEndpoint);
    expect(await tunedModelBase(warehouse, tuned)).toBe(defaultBaseEndpoint);
    expect(await tunedModelBase(warehouse, `${tuned}_other`)).toBeUndefined();

    const retires = (confirmed(catalogEntry(defaultBaseEndpoint)!.retires) as { date: string }).date;
    const fortyDaysBefore = new Date(`${retires}T00:00:00Z`);
    fortyDaysBefore.setUTCDate(fortyDaysBefore.getUTCDate() - 40);
    expect(await championServingNote(warehouse, tuned, fortyDaysBefore)).toBe(
      `serving until: ${defaultBaseEndpoint} retires on ${retires} (in 40 days): re-tune on a newer base before models tuned on it stop serving`,
    );
    expect(await championServingNote(warehouse, `${tuned}_other`, fortyDaysBefore)).toBe(
      'serving until: unknown (no run of this model records its base endpoint)',
    );
  } finally {
    await warehouse.close();
  }
});
