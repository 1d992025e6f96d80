import { call, renderWorkflow, returnStep, v, workflow } from '../../../workflows/dsl';
import { decideGate } from '../../../workflows/pipelines/tune-and-evaluate/gate';
import { runWorkflow } from '../../../emulator/workflows';

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
          // The retirement rule has tests of its own (gate-retirement.test.ts).
          base_retires: null,
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

async function decide(overrides: Record<string, unknown> = {}): Promise<Decision> {
  const input = {
    gate,
    baseline: evaluated('baseline', 0.5),
    tuned: evaluated('tuned', 0.75),
    champion_model: null,
    champion: null,
    regressions: [],
    ...overrides,
  };
  const run = await runWorkflow(source, { argument: input });
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
