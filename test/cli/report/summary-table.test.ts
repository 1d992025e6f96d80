import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderSummary } from '../../../cli/report/summary-table';
import { renderReport } from '../../../cli/report/html';
import type { ReportData } from '../../../cli/report/data';
import type { ModelEvaluation, RunSummary } from '../../../schemas/types.generated';
import { bqtuneBin } from '../../support/bin';
import { validateRunSummary } from '../../../schemas/validate';
import { exampleVariant, tempDir } from '../local/fixtures';
import { readLines } from '../local/independent';

const model = (name: string, macroF1: number, f1: number): ModelEvaluation => ({
  model: `p.d.${name}`,
  metrics: { macro_f1: macroF1, micro_f1: 0.5, weighted_f1: 0.5, accuracy: 0.5, success_share: 1 },
  macroF1,
  microF1: 0.5,
  weightedF1: 0.5,
  accuracy: 0.5,
  successRate: 1,
  invalidAnswers: 2,
  failedRows: 0,
  perLabel: { billing: { precision: f1, recall: f1, f1, support: 12 } },
});

const summary: RunSummary = {
  runId: 'run_1',
  status: 'rejected',
  startedAt: '2026-11-25T07:00:00.000Z',
  finishedAt: '2026-11-25T07:00:02.000Z',
  baseline: model('base', 0.25, 0.125),
  tuned: model('tuned_b', 0.625, 0.375),
  championEvaluation: model('tuned_a', 0.875, 0.75),
  tuning: { model: 'p.d.tuned_b', reused: false },
  gate: { passed: false, metric: 'macro_f1', reasons: ['tuned macro_f1 0.625 does not beat champion'] },
  deployed: false,
  champion: { before: 'p.d.tuned_a', after: 'p.d.tuned_a' },
  modelInvocations: 10,
  dataChecks: [],
};

const reportData = {
  summary,
  args: {
    task: { type: 'classification', labels: ['billing'], promptTemplate: { prefix: '' } },
    model: {},
    data: {},
  },
  labels: ['billing'],
  confusion: { baseline: [], tuned: [] },
  changed: [],
  exampleMetric: null,
  examples: { gains: [], losses: [] },
  distribution: { metric: null, baseline: [], tuned: [] },
  examplesExpired: false,
} as unknown as ReportData;

test("the CLI table shows the champion's metrics between the baseline's and the tuned model's", () => {
  const text = renderSummary(summary, 'runs/run_1');
  // The group line above the P/R/F1 headers names the models, in this order.
  const groups = text.split('\n').find((l) => l.includes('baseline') && l.includes('tuned'))!;
  expect(groups.indexOf('baseline')).toBeLessThan(groups.indexOf('champion'));
  expect(groups.indexOf('champion')).toBeLessThan(groups.indexOf('tuned'));
  const billing = text.split('\n').find((l) => l.includes('billing'))!;
  expect(billing.match(/\d\.\d{3}/g)).toEqual([
    ...['0.125', '0.125', '0.125'],
    ...['0.750', '0.750', '0.750'],
    ...['0.375', '0.375', '0.375'],
  ]);
  expect(
    text
      .split('\n')
      .find((l) => l.includes('macro F1'))!
      .match(/\d\.\d{3}/g),
  ).toEqual(['0.250', '0.875', '0.625']);
  expect(text).toMatch(/champion: +p\.d\.tuned_a/);
});

test("the report shows the champion's metrics next to baseline and tuned", () => {
  const html = renderReport(reportData);
  expect(html).toContain('<th>baseline</th><th>champion</th><th>tuned</th>');
  expect(html).toContain(
    '<th scope="row">macro F1 <span class="tag">gate</span></th><td>0.250</td><td>0.875</td><td>0.625</td>',
  );
  expect(html).toContain('champion <code>p.d.tuned_a</code>');
  expect(html).toContain('<th scope="row">invalid answers</th><td>2</td><td>2</td><td>2</td>');
});

test('`bqtune run` on bad data prints each finding once with its lines, and puts them in the report', () => {
  const config = exampleVariant(
    tempDir('cli-findings'),
    {},
    { trainRows: 120, evalRows: 60, inject: { leakage: 2 } },
  );
  const evalFile = path.join(path.dirname(config), 'data', 'eval.jsonl');
  const state = tempDir('cli-findings-state');
  const run = spawnSync(
    process.execPath,
    [bqtuneBin, 'run', config, '--state-dir', state, '--run-id', 'run_bad'],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  expect(run.status).toBe(1);
  // The leaked rows: eval lines whose input is also a train input.
  const trainInputs = new Set(
    readLines(path.join(path.dirname(config), 'data', 'train.jsonl')).map((l) => l.input),
  );
  const leaked = readLines(evalFile)
    .filter((l) => trainInputs.has(l.input))
    .map((l) => l.line);
  expect(leaked).toHaveLength(2);
  const out = run.stdout;
  expect(out.match(/leakage/g)).toHaveLength(1);
  expect(out).toContain('data check: eval: 2 distinct eval input texts that are also in train (leakage)');
  for (const line of leaked) expect(out.match(new RegExp(`${evalFile}:${line}\\b`, 'g'))).toHaveLength(1);
  expect(out).not.toContain('data checks failed');
  expect(out).toContain(`findings.json`);
  const report = fs.readFileSync(path.join(state, 'runs', 'run_bad', 'report.html'), 'utf8');
  for (const line of leaked) expect(report).toContain(`${evalFile}:${line}</code>`);
});

test('a run folder from before findings carried lines still validates and renders its examples', () => {
  const old = validateRunSummary({
    ...summary,
    dataChecks: [
      {
        check: 'duplicates',
        split: 'train',
        severity: 'warn',
        count: 1,
        message: '1 repeated row',
        examples: ['a <b>'],
      },
    ],
  });
  expect(renderSummary(old, 'runs/run_1')).toContain('    "a <b>"');
  expect(renderReport({ ...reportData, summary: old })).toContain('<li>a &lt;b&gt;</li>');
});

test('a promotion whose table function was not switched prints a warning naming the repair; none otherwise', () => {
  const deployed: RunSummary = {
    ...summary,
    status: 'succeeded',
    deployed: true,
    champion: { before: 'p.d.tuned_a', after: 'p.d.tuned_b' },
  };
  expect(renderSummary(deployed, 'runs/run_1')).not.toContain('warning');
  const stale = validateRunSummary(
    {
      ...deployed,
      servingFunctionError: 'the table function medical_specialty still serves the previous champion: boom',
    },
    'summary',
  );
  const lines = renderSummary(stale, 'runs/run_1').split('\n');
  const deployedAt = lines.findIndex((l) => l.includes('deployed: p.d.tuned_b is now the champion'));
  expect(lines[deployedAt + 1]).toContain(
    'warning: the table function medical_specialty still serves the previous champion: boom ' +
      '(bqtune champion NAME --switch-function replaces it)',
  );
});

describe('text from the data or the model, in the terminal', () => {
  // ESC and the one-character CSI (U+009B) start terminal control sequences (clear the screen, set the
  // window title); U+202E shows what follows reversed; U+200B and the BOM are invisible.
  const hostile = 'x\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202Etxt.exe\u200B\uFEFF👩‍⚕️ e\u0301';
  const shown = 'x⟨U+001B⟩[2J⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+009B⟩31m⟨U+202E⟩txt.exe⟨U+200B⟩⟨U+FEFF⟩👩‍⚕️ e\u0301';
  // Inside JSON quotes, JSON escapes the C0 controls itself.
  const inQuotes = '"x\\u001b[2J\\u001b]0;pwned\\u0007⟨U+009B⟩31m⟨U+202E⟩txt.exe⟨U+200B⟩⟨U+FEFF⟩👩‍⚕️ e\u0301"';
  // eslint-disable-next-line no-control-regex -- control characters are what must not be written
  const raw = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/;

  test('the end-of-run summary shows every hidden character of a label, finding, warning, reason or error', () => {
    const text = renderSummary(
      {
        ...summary,
        status: 'failed',
        error: { message: `error ${hostile}`, step: 'main' },
        warnings: [`warning ${hostile}`],
        baseline: {
          ...summary.baseline!,
          perLabel: { [`label ${hostile}`]: { precision: 0, recall: 0, f1: 0, support: 1 } },
        },
        gate: { passed: false, metric: 'macro_f1', reasons: [`reason ${hostile}`] },
        dataChecks: [
          {
            check: 'duplicates',
            split: 'train',
            severity: 'warn',
            count: 1,
            message: `finding ${hostile}`,
            examples: [
              { text: hostile, with_label: true, label: hostile, lines: [{ file: `f${hostile}`, line: 3 }] },
            ],
          },
        ],
      },
      'runs/run_1',
    );
    expect(text).not.toMatch(raw);
    for (const line of [
      `error ${shown}`,
      `warning: warning ${shown}`,
      `  - reason ${shown}`,
      `data check (warn): finding ${shown}`,
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    // The label column is shortened to fit 80 columns: what is left of the label shows its ESC.
    expect(text).toMatch(/^label x⟨U\+00…/m);
    expect(text).toContain(`    f${shown}:3: ${inQuotes} output_text ${inQuotes}`);
  });

  test('an error naming a key of the input shows it the same way, as a process', () => {
    const dir = tempDir('terminal-hostile');
    const file = path.join(dir, 'in.jsonl');
    const key = `k${hostile}`;
    fs.writeFileSync(file, [key, key].map((id) => JSON.stringify({ id, input_text: 'x' })).join('\n') + '\n');
    const cli = spawnSync(
      process.execPath,
      [bqtuneBin, 'predict', file, '--state-dir', tempDir('terminal-state')],
      {
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).not.toMatch(raw);
    expect(cli.stderr).toBe(`bqtune: ${file}:2: key k${shown} repeats line 1\n`);
  });
});
