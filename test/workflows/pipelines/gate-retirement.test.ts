import { runLocally } from '../../../cli/local/run-locally';
import { runWorkflow, VirtualClock, type ConnectorRegistry } from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import { validatePipelineConfig, validateRunArguments } from '../../../schemas/validate';
import { exampleRunArguments } from '../../schemas/fixtures';
import { catalogEntry, confirmed, defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import { exampleVariant, tempDir } from '../../cli/local/fixtures';

/**
 * The gate's optional retirement rule, through the compiled YAML in the interpreter: a tuned model is not
 * promoted when its base model retires in fewer than gate.minServingDays days. Local runs use the interpreter's
 * virtual clock, which starts at a fixed instant and advances by less than a day in a run, so the day count is
 * known here from the catalog date alone; the real clock is never read.
 */
const retiresAt = Date.parse(
  `${(confirmed(catalogEntry(defaultBaseEndpoint)!.retires) as { date: string }).date}T00:00:00Z`,
);

async function gateOf(minServingDays: number, state: string, runId: string) {
  const dir = tempDir(`gate-retirement-${minServingDays}`);
  const configFile = exampleVariant(dir, { gate: { minServingDays } }, { trainRows: 120, evalRows: 60 });
  const { summary } = await runLocally({ configFile, stateDir: state, runId });
  const atStart = Math.trunc((retiresAt - new VirtualClock().now() * 1000) / 86_400_000);
  return { summary, days: [atStart, atStart - 1] };
}

test('a base retiring sooner than gate.minServingDays rejects the run; a longer-serving one passes the rule', async () => {
  const state = tempDir('gate-retirement-state');

  const long = await gateOf(100_000, state, 'run_serving_short');
  expect(long.summary.status).toBe('rejected');
  expect(long.summary.deployed).toBe(false);
  const failed = long.summary.gate!.reasons.find((r) => r.startsWith('the base model retires in '));
  expect(failed).toMatch(
    /^the base model retires in (\d+) days, fewer than gate\.minServingDays 100000: models tuned on it stop serving then$/,
  );
  expect(long.days).toContain(Number(/in (\d+) days/.exec(failed!)![1]));

  const short = await gateOf(1, state, 'run_serving_long');
  const passed = short.summary.gate!.reasons.find((r) => r.startsWith('the base model serves '));
  expect(passed).toMatch(/^the base model serves \d+ more days, at least gate\.minServingDays 1$/);
  expect(short.summary.gate!.reasons.some((r) => r.startsWith('the base model retires in '))).toBe(false);
});

test('without gate.minServingDays the rule is skipped and says nothing', async () => {
  const dir = tempDir('gate-retirement-off');
  const configFile = exampleVariant(dir, {}, { trainRows: 120, evalRows: 60 });
  const { summary } = await runLocally({
    configFile,
    stateDir: tempDir('gate-retirement-off-state'),
    runId: 'run_no_rule',
  });
  expect(summary.gate!.reasons.some((r) => r.includes('base model'))).toBe(false);
});

describe('gate.minServingDays must be a whole number of days', () => {
  const valid = validateRunArguments(exampleRunArguments());

  test.each([0, 1.5, 'ten'])('the compiled workflow refuses %p before any BigQuery job', async (value) => {
    const calls: string[] = [];
    const connectors: ConnectorRegistry = new Map();
    connectors.set('googleapis.bigquery.v2.jobs.insert', async () => {
      calls.push('jobs.insert');
      throw new Error('no BigQuery in this test');
    });
    const outcome = await runWorkflow(compiledWorkflowSource('tune-and-evaluate'), {
      argument: { ...valid, gate: { ...valid.gate, minServingDays: value } },
      connectors,
    });
    expect(calls).toEqual([]);
    expect((outcome.error as { problems: string[] }).problems).toEqual([
      'gate.minServingDays must be a whole number >= 1',
    ]);
  });

  test('the config schema says the same', () => {
    const { runId: _r, project: _p, location: _l, dataset: _d, connection: _c, ...config } = valid;
    expect(() => validatePipelineConfig({ ...config, gate: { ...config.gate, minServingDays: 0 } })).toThrow(
      'gate.minServingDays must be >= 1',
    );
    expect(
      validatePipelineConfig({ ...config, gate: { ...config.gate, minServingDays: 30 } }).gate.minServingDays,
    ).toBe(30);
  });
});
