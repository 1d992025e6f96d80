import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../cli/local/run-locally';
import { renderSummary } from '../../cli/report/summary-table';
import { loadReportData } from '../../cli/report/data';
import { renderReport } from '../../cli/report/html';
import { localRunsTable } from '../../cli/history/run-views';
import { generateExample } from '../../examples/clinical-impression/generate';
import { toJsonl } from '../../examples/medical-specialty/generate';
import { bqtuneBin, repoRoot } from '../support/bin';
import { gateNumber } from '../cli/local/independent';
import { queryState, table, tempDir } from '../cli/local/fixtures';
import { bleu4, exactMatch, latestPredictions, rougeL, textMetrics } from './text-scores';

/**
 * Each free-text task type through the compiled pipeline on the local emulator: the metrics in summary.json
 * equal the ones recomputed here from the raw predictions (text-scores.ts), the gate decides on the task's
 * metric, and the report shows the answers side by side, escaped.
 */

const clinicalConfig = path.join(repoRoot, 'examples', 'clinical-impression', 'pipeline.json');
type Json = Record<string, unknown>;

/** A config of `type` over generated clinical notes, the outputs mapped by `output`, in a folder of its own. */
function textTask(
  type: string,
  overrides: Json = {},
  output: (impression: string) => string = (x) => x,
  inputPrefix = '',
): string {
  const dir = tempDir(`task-${type}`);
  const data = generateExample({ trainRows: 120, evalRows: 40 });
  fs.mkdirSync(path.join(dir, 'data'));
  const rows = (split: typeof data.train, prefix: string) =>
    toJsonl(
      split.map((r) => ({ input_text: `${prefix}${r.input_text}`, output_text: output(r.output_text!) })),
    );
  fs.writeFileSync(path.join(dir, 'data', 'train.jsonl'), rows(data.train, ''));
  fs.writeFileSync(path.join(dir, 'data', 'eval.jsonl'), rows(data.eval, inputPrefix));
  const base = JSON.parse(fs.readFileSync(clinicalConfig, 'utf8')) as Json;
  delete base.$schema;
  const config = {
    ...base,
    name: type.replace(/_/g, '-'),
    task: { ...(base.task as Json), type },
    model: { ...(base.model as Json), tuning: { maxIterations: 600 } },
    checks: { minTrainRows: 100, minEvalRows: 30 },
    ...overrides,
  };
  const file = path.join(dir, 'pipeline.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

async function expectedOf(stateDir: string, runId: string, model: string) {
  return textMetrics(await latestPredictions(stateDir, runId, model));
}

function expectMetrics(
  got: Record<string, number | undefined>,
  expected: Record<string, number>,
  names: string[],
) {
  for (const name of names) expect([name, got[name]]).toEqual([name, expect.closeTo(expected[name], 10)]);
}

describe('our own scorers agree with published values', () => {
  test('ROUGE-L of the rouge-score README example', () => {
    const s = rougeL('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.');
    expect(s.precision).toBeCloseTo(0.625, 10);
    expect(s.recall).toBeCloseTo(5 / 9, 10);
    expect(s.f1).toBeCloseTo(0.5882352941, 9);
  });

  test('BLEU-4 is 1 for an exact answer, 0 without a common word; exact match ignores case and spacing', () => {
    expect(bleu4('a b c d e', 'a b c d e')).toBeCloseTo(1, 12);
    expect(bleu4('a b c d e', 'x y z')).toBe(0);
    // One of two words right: p1 = 1/2; no bigram matches and there are no 3- or 4-grams, so add-one makes
    // p2 = (0+1)/(1+1), p3 = p4 = (0+1)/(max(0,1)+1), all 1/2; brevity 1 (same length).
    expect(bleu4('a b', 'a c')).toBeCloseTo(0.5, 12);
    expect(exactMatch('Acute  Otitis Media', 'acute otitis media')).toBe(1);
    expect(exactMatch('Acute otitis media', null)).toBe(0);
  });
});

describe('the clinical-impression example (summarization), as bundled', () => {
  const stateDir = tempDir('task-summarization');
  let result: Awaited<ReturnType<typeof runLocally>>;

  beforeAll(async () => {
    result = await runLocally({ configFile: clinicalConfig, stateDir, runId: 'run_summary' });
  });

  test('scores ROUGE-L as recomputed from the predictions, and the tuned model passes the gate on it', async () => {
    const { summary } = result;
    expect(summary.status).toBe('succeeded');
    expect(summary.task).toBe('summarization');
    const names = ['rouge-l_precision', 'rouge-l_recall', 'rouge-l_f1', 'success_share', 'num_rows'];
    const baseline = await expectedOf(stateDir, 'run_summary', summary.baseline!.model);
    const tuned = await expectedOf(stateDir, 'run_summary', summary.tuned!.model);
    expectMetrics(summary.baseline!.metrics!, baseline, names);
    expectMetrics(summary.tuned!.metrics!, tuned, names);
    expect(baseline.num_rows).toBe(120);
    // Summarization writes ROUGE-L only (ML.EVALUATE's columns for the task), and no per-label metrics.
    expect(Object.keys(summary.tuned!.metrics!).sort()).toEqual([
      'num_rows',
      'num_successful_rows',
      'rouge-l_f1',
      'rouge-l_precision',
      'rouge-l_recall',
      'success_share',
    ]);
    expect(summary.tuned!.perLabel).toEqual({});
    expect(summary.tuned!.macroF1).toBeUndefined();
    expect(tuned['rouge-l_f1']).toBeGreaterThan(baseline['rouge-l_f1'] + 0.02);
    expect(summary.gate).toMatchObject({ passed: true, metric: 'rouge-l_f1' });
    expect(summary.gate!.reasons).toContain(
      `tuned rouge-l_f1 ${gateNumber(tuned['rouge-l_f1'])} beats baseline ${gateNumber(baseline['rouge-l_f1'])} by at least 0.02`,
    );
    // No label rule for free text.
    expect(summary.gate!.reasons.join('\n')).not.toMatch(/label/);
    expect(summary.deployed).toBe(true);
  });

  test('the tuning job was told the task, and the distribution counts every row in its ROUGE-L bucket', async () => {
    const { summary } = result;
    const tuned = await latestPredictions(stateDir, 'run_summary', summary.tuned!.model);
    const expected = new Map<string, number>();
    for (const row of tuned) {
      const k = Math.min(Math.floor(rougeL(row.reference, row.output).f1 * 10), 9);
      const bucket = `${(k / 10).toFixed(1)}-${((k + 1) / 10).toFixed(1)}`;
      expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
    }
    const rows = await queryState(
      stateDir,
      `SELECT label, metric, value FROM ${table('evaluations')} WHERE run_id = 'run_summary' AND model_role = 'tuned' AND scope = 'distribution'`,
    );
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      expect(r.metric).toBe('rouge-l_f1');
      expect([r.label, Number(r.value)]).toEqual([r.label, expected.get(String(r.label)) ?? 0]);
    }
    const args = JSON.parse(fs.readFileSync(path.join(result.runDir, 'arguments.json'), 'utf8')) as {
      model: { tuning: { evaluationTask: string } };
    };
    expect(args.model.tuning.evaluationTask).toBe('SUMMARIZATION');
  });

  test('the terminal shows the task’s metrics instead of per-label F1', () => {
    const text = renderSummary(result.summary, 'runs/run_summary');
    const { baseline, tuned } = result.summary;
    expect(text).toMatch(
      new RegExp(
        `^rouge-l_f1 \\(gate\\) +${baseline!.metrics!['rouge-l_f1']!.toFixed(3)} +${tuned!.metrics!['rouge-l_f1']!.toFixed(3)}$`,
        'm',
      ),
    );
    expect(text).not.toMatch(/macro F1|^label /m);
  });

  test('bqtune runs lists the run with its gate metric, read by name', () => {
    const { summary } = result;
    const table = localRunsTable([{ id: 'run_summary', dir: result.runDir, summary }]);
    expect(table).toMatch(
      new RegExp(
        `^run_summary +succeeded +rouge-l_f1 +${summary.baseline!.metrics!['rouge-l_f1']!.toFixed(3)} +${summary.tuned!.metrics!['rouge-l_f1']!.toFixed(3)} `,
        'm',
      ),
    );
  });

  test('the report shows the largest gains side by side and a distribution, no confusion matrix', async () => {
    const html = fs.readFileSync(path.join(result.runDir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="examples">');
    expect(html).toContain('<section id="distribution">');
    expect(html).not.toContain('<section id="confusion">');
    // The 10 rows whose ROUGE-L F1 rose most and the 10 that fell most, each in order, ties by example id,
    // by our own scorer over the stored predictions; equal gains are equal at 12 decimals (a double's
    // subtraction is not exact).
    const { summary } = result;
    const base = new Map(
      (await latestPredictions(stateDir, 'run_summary', summary.baseline!.model)).map((r) => [
        r.exampleId,
        r,
      ]),
    );
    const deltas = (await latestPredictions(stateDir, 'run_summary', summary.tuned!.model)).map((r) => ({
      id: r.exampleId,
      output: r.output,
      gain:
        Math.round(
          (rougeL(r.reference, r.output).f1 - rougeL(r.reference, base.get(r.exampleId)!.output).f1) * 1e12,
        ) / 1e12,
    }));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const gains = deltas.filter((d) => d.gain > 0).sort((a, b) => b.gain - a.gain || byId(a, b));
    const losses = deltas.filter((d) => d.gain < 0).sort((a, b) => a.gain - b.gain || byId(a, b));
    expect(gains.length).toBeGreaterThan(0);
    const shown = (kind: string) =>
      [...html.matchAll(new RegExp(`<tr class="${kind}" data-example="([^"]+)">`, 'g'))].map((m) => m[1]);
    expect(shown('fixed')).toEqual(gains.slice(0, 10).map((g) => g.id));
    expect(shown('broken')).toEqual(losses.slice(0, 10).map((g) => g.id));
    const gainsTable = html.slice(html.indexOf('Largest gains'));
    expect(gainsTable.indexOf(gains[0].output!)).toBeGreaterThan(0);
  });

  test('an empty answer is shown as one, not as a failed row', async () => {
    const { summary } = result;
    const tuned = await latestPredictions(stateDir, 'run_summary', summary.tuned!.model);
    const base = new Map(
      (await latestPredictions(stateDir, 'run_summary', summary.baseline!.model)).map((r) => [
        r.exampleId,
        r.output,
      ]),
    );
    // A row the baseline scored above 0: an empty tuned answer makes it a loss.
    const target = tuned.find((r) => rougeL(r.reference, base.get(r.exampleId)!).f1 > 0)!;
    await queryState(
      stateDir,
      `UPDATE ${table('predictions')} SET generated_text = '' WHERE model_name = @m AND example_id = @id`,
      { m: summary.tuned!.model, id: target.exampleId },
    );
    const data = await loadReportData(result.runDir, { stateDir });
    const shown = [...data.examples.losses, ...data.examples.gains].find(
      (r) => r.exampleId === target.exampleId,
    );
    expect(shown).toMatchObject({ tunedText: '', tunedScore: 0 });
    expect(renderReport(data)).toContain('(empty output)');
  });
});

describe('text_generation, gated on BLEU-4', () => {
  const stateDir = tempDir('task-generation');
  test('scores BLEU-4 and ROUGE-L as recomputed, and the gate compares BLEU-4', async () => {
    const config = textTask('text_generation', {
      gate: { metric: 'bleu4_score', minImprovementOverBaseline: 0.02 },
    });
    const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_generation' });
    const names = ['bleu4_score', 'rouge-l_precision', 'rouge-l_recall', 'rouge-l_f1', 'success_share'];
    const baseline = await expectedOf(stateDir, 'run_generation', summary.baseline!.model);
    const tuned = await expectedOf(stateDir, 'run_generation', summary.tuned!.model);
    expectMetrics(summary.baseline!.metrics!, baseline, names);
    expectMetrics(summary.tuned!.metrics!, tuned, names);
    expect(summary.tuned!.metrics!.exact_match).toBeUndefined();
    const passes = tuned.bleu4_score - baseline.bleu4_score >= 0.02;
    expect(summary.gate).toMatchObject({ metric: 'bleu4_score', passed: passes });
    expect(summary.gate!.reasons[0]).toBe(
      `tuned bleu4_score ${gateNumber(tuned.bleu4_score)} ${passes ? 'beats' : 'does not beat'} baseline ${gateNumber(baseline.bleu4_score)} by ${passes ? '' : 'more than 0 and '}at least 0.02`,
    );
  });
});

describe('question_answering, gated on exact match', () => {
  const stateDir = tempDir('task-qa');
  test('scores exact match as recomputed; a margin the gain cannot reach rejects the run', async () => {
    // The question: the diagnosis alone, the impression's words before " in a".
    const config = textTask(
      'question_answering',
      {
        task: {
          type: 'question_answering',
          promptTemplate: { prefix: 'What is the most likely diagnosis?\n' },
        },
        gate: { minImprovementOverBaseline: 1 },
      },
      (impression) => impression.split(' in a')[0],
    );
    const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_qa' });
    const baseline = await expectedOf(stateDir, 'run_qa', summary.baseline!.model);
    const tuned = await expectedOf(stateDir, 'run_qa', summary.tuned!.model);
    expectMetrics(summary.baseline!.metrics!, baseline, ['exact_match', 'success_share']);
    expectMetrics(summary.tuned!.metrics!, tuned, ['exact_match', 'success_share']);
    expect(Object.keys(summary.tuned!.metrics!)).not.toContain('rouge-l_f1');
    expect(tuned.exact_match).toBeGreaterThan(baseline.exact_match);
    expect(summary.status).toBe('rejected');
    expect(summary.gate!.metric).toBe('exact_match');
    expect(summary.gate!.reasons).toContain(
      `tuned exact_match ${gateNumber(tuned.exact_match)} does not beat baseline ${gateNumber(baseline.exact_match)} by more than 0 and at least 1.0`,
    );
    expect(summary.deployed).toBe(false);
  });
});

describe('summarization rejected on the success rate, with hostile text escaped in the report', () => {
  const stateDir = tempDir('task-faults');
  test('too many failed rows reject the run; failed rows score 0 and count', async () => {
    const hostile = `Triage <b class='x'>&amp; "urgent"</b>: `;
    const config = textTask(
      'summarization',
      {
        model: {
          baseEndpoint: 'gemini-3.5-flash',
          tuning: { maxIterations: 600 },
          retries: { maxPasses: 1 },
        },
      },
      (x) => x,
      hostile,
    );
    const { summary, runDir } = await runLocally({
      configFile: config,
      stateDir,
      runId: 'run_faults',
      faults: { rowResourceExhausted: { rate: 0.3, maxPerRow: 5 } },
    });
    const baseline = await expectedOf(stateDir, 'run_faults', summary.baseline!.model);
    const tuned = await expectedOf(stateDir, 'run_faults', summary.tuned!.model);
    expect(baseline.success_share).toBeLessThan(0.95);
    expectMetrics(summary.baseline!.metrics!, baseline, ['rouge-l_f1', 'success_share']);
    expectMetrics(summary.tuned!.metrics!, tuned, ['rouge-l_f1', 'success_share']);
    expect(summary.status).toBe('rejected');
    expect(summary.gate!.reasons).toContain(
      `only ${gateNumber(baseline.success_share)} of baseline predictions succeeded; at least 0.95 are required`,
    );
    const html = fs.readFileSync(path.join(runDir, 'report.html'), 'utf8');
    expect(html).not.toContain(hostile);
    expect(html).toContain('Triage &lt;b class=&#39;x&#39;&gt;&amp;amp; &quot;urgent&quot;&lt;/b&gt;: ');
    // A row whose generation failed shows as failed, not as an empty answer.
    expect(html).toContain('<em>(failed)</em>');
  });
});

describe('a config whose gate metric does not fit its task', () => {
  test('bqtune run refuses it in one line naming the file and the field, before any run folder exists', () => {
    const config = textTask('summarization', { gate: { metric: 'macro_f1' } });
    const stateDir = tempDir('task-refused');
    const run = spawnSync(process.execPath, [bqtuneBin, 'run', config, '--state-dir', stateDir], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${config} is invalid:`);
    expect(run.stderr).toContain(
      'gate.metric macro_f1 does not fit task.type summarization: use rouge-l_f1 or rouge-l_precision or rouge-l_recall',
    );
    expect(fs.existsSync(path.join(stateDir, 'runs'))).toBe(false);
  });
});

describe('data checks on a free-text task', () => {
  test('label checks are left out; empty inputs, duplicates and leakage still apply', async () => {
    const config = textTask('summarization', {
      checks: { minTrainRows: 100, minEvalRows: 30, duplicates: 'fail', leakage: 'warn' },
    });
    const dir = path.dirname(config);
    const train = fs
      .readFileSync(path.join(dir, 'data', 'train.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    const evalRows = fs
      .readFileSync(path.join(dir, 'data', 'eval.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    const first = JSON.parse(train[0]) as { input_text: string };
    // The same note twice with two impressions (for classification: conflicting labels), an output that is
    // no label of any set, an empty input, and a train note in eval (leakage).
    train.push(JSON.stringify({ input_text: first.input_text, output_text: 'Another impression entirely.' }));
    train.push(JSON.stringify({ input_text: '   ', output_text: 'Nothing to summarise.' }));
    evalRows.push(train[1]);
    fs.writeFileSync(path.join(dir, 'data', 'train.jsonl'), train.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'data', 'eval.jsonl'), evalRows.join('\n') + '\n');
    const stateDir = tempDir('task-checks');
    const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_checks' });
    expect(summary.status).toBe('failed');
    expect(summary.modelInvocations).toBe(0);
    const found = summary.dataChecks.map((d) => `${d.check} ${d.split} ${d.count} ${d.severity}`).sort();
    expect(found).toEqual(['duplicates train 1 fail', 'emptyInputs train 1 fail', 'leakage eval 1 warn']);
  });
});
