import { call, fn, renderWorkflow, returnStep, v, workflow } from '../../../workflows/dsl';
import { decideGate, retirementEpochs } from '../../../workflows/pipelines/tune-and-evaluate/gate';
import { runWorkflow, VirtualClock } from '../../../emulator/workflows';
import { modelCatalog, type CatalogEntry } from '../../../bigquery/model-catalog';

/**
 * The gate subworkflow, compiled from its definition in this process and run in the Workflows interpreter
 * with hand-made inputs, so each rule is forced both ways. Metric values are binary fractions (0.5, 0.625,
 * 0.75) so a gain equal to the margin is exact. Numbers print as the gate writes them: three decimals at
 * most, and a whole number as a double ("1.0"), as Workflows turns a double into text.
 */
const source = renderWorkflow(
  workflow({
    params: ['input'],
    steps: [
      call('gate', decideGate, {
        args: {
          gate: v('input').get('gate'),
          baseline: v('input').get('baseline'),
          tuned: v('input').get('tuned'),
          champion_model: v('input').get('champion_model'),
          champion: v('input').get('champion'),
          regressions: v('input').get('regressions'),
          // Null unless a case sets it: the retirement rule's cases are below.
          base_retires: fn('map.get', v('input'), 'base_retires'),
        },
        result: 'decision',
      }),
      returnStep('done', v('decision')),
    ],
    subworkflows: [decideGate],
  }),
);

interface Decision {
  passed: boolean;
  metric: string;
  reasons: string[];
}

const gate = {
  metric: 'macro_f1',
  minImprovementOverBaseline: 0.25,
  minImprovementOverChampion: 0.125,
  maxLabelRegression: 0.125,
  minSuccessRate: 0.5,
  minLabelSupport: 10,
};
const evaluated = (role: string, macro: number, success = 1) => ({
  model: `p.d.${role}_model`,
  role,
  metrics: { macro_f1: macro, success_share: success },
});

async function decide(overrides: Record<string, unknown> = {}, clock?: VirtualClock): Promise<Decision> {
  const input = {
    gate,
    baseline: evaluated('baseline', 0.5),
    tuned: evaluated('tuned', 0.75),
    champion_model: null,
    champion: null,
    regressions: [],
    ...overrides,
  };
  const run = await runWorkflow(source, { argument: input, clock });
  if (run.state !== 'SUCCEEDED') throw new Error(`gate failed to run: ${JSON.stringify(run.error)}`);
  return run.result as Decision;
}

const withChampion = (macro: number, success = 1) => ({
  champion_model: 'p.d.champion_model',
  champion: evaluated('champion', macro, success),
});

test('every rule adds a reason when all pass: baseline gain equal to the margin passes', async () => {
  expect(await decide()).toEqual({
    passed: true,
    metric: 'macro_f1',
    reasons: [
      'tuned macro_f1 0.75 beats baseline 0.5 by at least 0.25',
      'there is no champion yet',
      '1.0 of baseline predictions succeeded, at least 0.5 are required',
      '1.0 of tuned predictions succeeded, at least 0.5 are required',
      'no label with at least 10 eval rows lost more than 0.125 F1 against the baseline or the champion',
    ],
  });
});

describe('versus the baseline', () => {
  test('a gain below the margin rejects', async () => {
    const d = await decide({ tuned: evaluated('tuned', 0.625) });
    expect(d.passed).toBe(false);
    expect(d.reasons[0]).toBe(
      'tuned macro_f1 0.625 does not beat baseline 0.5 by more than 0 and at least 0.25',
    );
  });

  test('a tie rejects even with a zero margin', async () => {
    const d = await decide({
      gate: { ...gate, minImprovementOverBaseline: 0 },
      tuned: evaluated('tuned', 0.5),
    });
    expect(d.passed).toBe(false);
    expect(d.reasons[0]).toBe(
      'tuned macro_f1 0.5 does not beat baseline 0.5 by more than 0 and at least 0.0',
    );
  });
});

describe('versus the champion', () => {
  test('beating it by exactly the margin passes', async () => {
    // tuned 0.75 - champion 0.625 = 0.125 = minImprovementOverChampion
    const d = await decide(withChampion(0.625));
    expect(d.passed).toBe(true);
    expect(d.reasons[1]).toBe(
      'tuned macro_f1 0.75 beats champion p.d.champion_model 0.625 by at least 0.125',
    );
  });

  test('a gain below the margin rejects', async () => {
    const d = await decide(withChampion(0.7));
    expect(d.passed).toBe(false);
    expect(d.reasons[1]).toBe(
      'tuned macro_f1 0.75 does not beat champion p.d.champion_model 0.7 by more than 0 and at least 0.125',
    );
  });

  test('a worse challenger rejects, and a tie does not replace the champion even with a zero margin', async () => {
    expect((await decide(withChampion(0.875))).passed).toBe(false);
    const tie = await decide({
      ...withChampion(0.75),
      gate: { ...gate, minImprovementOverChampion: 0 },
    });
    expect(tie.passed).toBe(false);
    expect(tie.reasons[1]).toMatch(/^tuned macro_f1 0\.75 does not beat champion .* 0\.75 by more than 0/);
  });

  test('when the tuned model already is the champion, the rule says so and holds', async () => {
    const d = await decide({ champion_model: 'p.d.tuned_model', champion: null });
    expect(d.passed).toBe(true);
    expect(d.reasons[1]).toBe('the tuned model is already the champion');
  });
});

describe('minimum success rate, for each model', () => {
  test('exactly the minimum passes', async () => {
    const d = await decide({
      baseline: evaluated('baseline', 0.5, 0.5),
      tuned: evaluated('tuned', 0.75, 0.5),
    });
    expect(d.passed).toBe(true);
    expect(d.reasons).toContain('0.5 of tuned predictions succeeded, at least 0.5 are required');
  });

  test.each(['baseline', 'tuned', 'champion'])('too few %s rows rejects, naming the model', async (role) => {
    const low = 0.375;
    const d = await decide({
      ...withChampion(0.5, role === 'champion' ? low : 1),
      baseline: evaluated('baseline', 0.5, role === 'baseline' ? low : 1),
      tuned: evaluated('tuned', 0.75, role === 'tuned' ? low : 1),
    });
    expect(d.passed).toBe(false);
    expect(d.reasons).toContain(`only 0.375 of ${role} predictions succeeded; at least 0.5 are required`);
    expect(d.reasons.filter((r) => r.startsWith('only '))).toHaveLength(1);
  });
});

describe('per-label regression', () => {
  test('a regressing label rejects with its numbers, against whichever reference it lost to', async () => {
    const d = await decide({
      regressions: [
        { label: 'billing', reference: 'champion', reference_f1: 0.75, tuned_f1: 0.5, support: 12 },
      ],
    });
    expect(d.passed).toBe(false);
    expect(d.reasons).toContain(
      'label billing: F1 fell from 0.75 (champion) to 0.5, more than 0.125 (12 eval rows)',
    );
    expect(d.reasons.some((r) => r.startsWith('no label'))).toBe(false);
  });
});

describe('a free-text task', () => {
  const text = (role: string, rouge: number, success = 1) => ({
    model: `p.d.${role}_model`,
    role,
    metrics: { 'rouge-l_f1': rouge, success_share: success },
  });

  test('compares the metric named in the gate and has no label rule (regressions null)', async () => {
    expect(
      await decide({
        gate: { ...gate, metric: 'rouge-l_f1' },
        baseline: text('baseline', 0.25),
        tuned: text('tuned', 0.5),
        regressions: null,
      }),
    ).toEqual({
      passed: true,
      metric: 'rouge-l_f1',
      reasons: [
        'tuned rouge-l_f1 0.5 beats baseline 0.25 by at least 0.25',
        'there is no champion yet',
        '1.0 of baseline predictions succeeded, at least 0.5 are required',
        '1.0 of tuned predictions succeeded, at least 0.5 are required',
      ],
    });
  });

  test('a metric the models did not write counts as -1, so the gate rejects rather than passes', async () => {
    const d = await decide({
      gate: { ...gate, metric: 'exact_match' },
      baseline: text('baseline', 0.25),
      tuned: text('tuned', 0.5),
      regressions: null,
    });
    expect(d.passed).toBe(false);
    expect(d.reasons[0]).toMatch(/^tuned exact_match \S+ does not beat baseline \S+ by more than 0/);
  });
});

describe('the base model retirement rule (gate.minServingDays)', () => {
  // The virtual clock starts at 2026-01-01T00:00:00Z = 1767225600 s; a base retiring 35.5 days later has 35
  // whole days left (the rule counts whole days, rounding down).
  const start = 1_767_225_600;
  const retires = start + 35 * 86_400 + 43_200;
  const at = (minServingDays: number | undefined, baseRetires: number | null) =>
    decide(
      {
        gate: minServingDays === undefined ? gate : { ...gate, minServingDays },
        base_retires: baseRetires,
      },
      new VirtualClock(start),
    );

  test('serving exactly the minimum number of days passes', async () => {
    const d = await at(35, retires);
    expect(d.passed).toBe(true);
    expect(d.reasons.at(-1)).toBe('the base model serves 35 more days, at least gate.minServingDays 35');
  });

  test('one day short rejects, saying how many days are left', async () => {
    const d = await at(36, retires);
    expect(d.passed).toBe(false);
    expect(d.reasons.at(-1)).toBe(
      'the base model retires in 35 days, fewer than gate.minServingDays 36: models tuned on it stop serving then',
    );
  });

  test('without the setting, or without a retirement date, the rule says nothing', async () => {
    for (const d of [await at(undefined, retires), await at(10_000, null)]) {
      expect(d.passed).toBe(true);
      expect(d.reasons.some((r) => r.includes('base model'))).toBe(false);
      expect(d.reasons).toHaveLength(5);
    }
  });
});

describe('retirement dates the pipeline compiles in', () => {
  test('each catalog model with a confirmed date, as epoch seconds of the start of that day (UTC)', () => {
    // Dates from the catalog; seconds worked out by hand (days since 1970-01-01 × 86400).
    expect(retirementEpochs()).toEqual({
      'gemini-3.5-flash': 1_810_684_800, // 2027-05-19
      'gemini-3.5-flash-lite': 1_816_128_000, // 2027-07-21
      'gemini-3.1-flash-lite': 1_809_648_000, // 2027-05-07
      'gemini-2.5-pro': 1_792_454_400, // 2026-10-20
      'gemini-2.5-flash': 1_792_454_400,
      'gemini-2.5-flash-lite': 1_792_454_400,
      'gemini-2.0-flash-001': 1_770_249_600, // 2026-02-05
      'gemini-2.0-flash-lite-001': 1_771_977_600, // 2026-02-25
    });
  });

  test('a model with no date announced, or a date not confirmed, has no entry (the rule is skipped)', () => {
    const like = modelCatalog[0];
    const catalog: CatalogEntry[] = [
      { ...like, model: 'none-announced', retires: { value: 'none announced', page: 'modelVersions' } },
      { ...like, model: 'unconfirmed', retires: { unconfirmed: 'not on the page' } },
      {
        ...like,
        model: 'dated',
        retires: { value: { date: '2026-01-02', orLater: false }, page: 'modelVersions' },
      },
    ];
    expect(retirementEpochs(catalog)).toEqual({ dated: 1_767_312_000 });
  });
});

describe('values a model did not write', () => {
  const without = (role: string, macro: number | undefined, success: number | undefined) => ({
    model: `p.d.${role}_model`,
    role,
    metrics: {
      ...(macro === undefined ? {} : { macro_f1: macro }),
      ...(success === undefined ? {} : { success_share: success }),
    },
  });

  test('a tuned model without the gate metric cannot pass on it', async () => {
    const d = await decide({ baseline: evaluated('baseline', 0.25), tuned: without('tuned', undefined, 1) });
    expect(d.passed).toBe(false);
    expect(d.reasons[0]).toMatch(/^tuned macro_f1 \S+ does not beat baseline 0\.25 by/);
  });

  test('a baseline or champion without it is beaten by any positive score', async () => {
    const d = await decide({
      baseline: without('baseline', undefined, 1),
      tuned: evaluated('tuned', 0.5),
      champion_model: 'p.d.champion_model',
      champion: without('champion', undefined, 1),
    });
    expect(d.passed).toBe(true);
    expect(d.reasons[0]).toMatch(/^tuned macro_f1 0\.5 beats baseline \S+ by at least 0\.25$/);
    expect(d.reasons[1]).toMatch(
      /^tuned macro_f1 0\.5 beats champion p\.d\.champion_model \S+ by at least 0\.125$/,
    );
  });

  test('a model without a success share counts as none succeeded', async () => {
    const d = await decide({ tuned: without('tuned', 0.75, undefined) });
    expect(d.passed).toBe(false);
    expect(d.reasons).toContain('only 0.0 of tuned predictions succeeded; at least 0.5 are required');
  });
});

describe('per-label regression, several labels and the support setting', () => {
  test('each regressing label is named, against the baseline and against the champion', async () => {
    const d = await decide({
      ...withChampion(0.5),
      regressions: [
        { label: 'cardio', reference: 'baseline', reference_f1: '0.875', tuned_f1: '0.5', support: '10' },
        { label: 'neuro', reference: 'champion', reference_f1: '0.625', tuned_f1: '0.25', support: '31' },
      ],
    });
    expect(d.passed).toBe(false);
    expect(d.reasons.filter((r) => r.startsWith('label '))).toEqual([
      'label cardio: F1 fell from 0.875 (baseline) to 0.5, more than 0.125 (10 eval rows)',
      'label neuro: F1 fell from 0.625 (champion) to 0.25, more than 0.125 (31 eval rows)',
    ]);
  });

  test('the reason names the configured minimum support, or the default of 10 when it is not set', async () => {
    const { minLabelSupport: _unset, ...withoutSupport } = gate;
    const set = await decide({ gate: { ...gate, minLabelSupport: 4 } });
    const unset = await decide({ gate: withoutSupport });
    const rule = (n: number) =>
      `no label with at least ${n} eval rows lost more than 0.125 F1 against the baseline or the champion`;
    expect(set.reasons.at(-1)).toBe(rule(4));
    expect(unset.reasons.at(-1)).toBe(rule(10));
    expect([set.passed, unset.passed]).toEqual([true, true]);
  });
});
