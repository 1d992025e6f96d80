import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../../cli/local/run-locally';
import { labels } from '../../../examples/medical-specialty/generate';
import type { DataCheckFinding, FindingExample } from '../../../schemas/types.generated';
import { exampleVariant, queryState, table, tempDir } from './fixtures';
import { expectedFindings, labelKey, readLines, scoresOf } from './independent';

/** Each data check through the compiled pipeline on the local emulator, on small generated JSONL files. */

const small = { trainRows: 120, evalRows: 60 };
const dataOf = (config: string) => ({
  train: path.join(path.dirname(config), 'data', 'train.jsonl'),
  eval: path.join(path.dirname(config), 'data', 'eval.jsonl'),
});
/** A new run's examples are objects with lines (only old run folders hold bare strings). */
const examplesOf = (finding: DataCheckFinding): FindingExample[] =>
  (finding.examples ?? []).map((e) => {
    if (typeof e === 'string') throw new Error(`a bare example: ${e}`);
    return e;
  });
const counts = (findings: DataCheckFinding[]) => {
  const out: Record<string, Record<string, number>> = {};
  for (const f of findings) if (f.kind !== 'row_count') (out[f.kind!] ??= {})[f.split] = f.count;
  return out;
};

describe('row counts', () => {
  test('empty files fail at the data-check stage with 0 model calls', async () => {
    const config = exampleVariant(tempDir('empty'));
    const files = dataOf(config);
    fs.writeFileSync(files.train, '');
    fs.writeFileSync(files.eval, '\n');
    const { summary } = await runLocally({
      configFile: config,
      stateDir: tempDir('state'),
      runId: 'run_empty',
    });
    expect(summary.status).toBe('failed');
    expect(summary.modelInvocations).toBe(0);
    expect(summary.error!.step).toMatch(/^judge_data_checks\./);
    // The example config asks for 100 train and 50 eval rows.
    expect(summary.dataChecks.map((f) => [f.check, f.count, f.severity, f.message])).toEqual([
      ['minEvalRows', 0, 'fail', 'eval has 0 rows; at least 50 are needed'],
      ['minTrainRows', 0, 'fail', 'train has 0 rows; at least 100 are needed'],
    ]);
  });

  test('exactly the minimum passes the data checks; one row fewer fails', async () => {
    const stateDir = tempDir('boundary');
    const at = exampleVariant(tempDir('at'), { checks: { minTrainRows: 120, minEvalRows: 60 } }, small);
    expect(readLines(dataOf(at).train)).toHaveLength(120);
    expect(readLines(dataOf(at).eval)).toHaveLength(60);
    const passing = await runLocally({ configFile: at, stateDir, runId: 'run_at_minimum' });
    expect(passing.summary.status).not.toBe('failed');
    expect(passing.summary.dataChecks).toEqual([]);

    const below = exampleVariant(
      tempDir('below'),
      { checks: { minTrainRows: 120, minEvalRows: 60 } },
      { trainRows: 119, evalRows: 59 },
    );
    const failing = await runLocally({ configFile: below, stateDir, runId: 'run_below_minimum' });
    expect(failing.summary.status).toBe('failed');
    expect(failing.summary.modelInvocations).toBe(0);
    expect(failing.summary.dataChecks.map((f) => f.message)).toEqual([
      'eval has 59 rows; at least 60 are needed',
      'train has 119 rows; at least 120 are needed',
    ]);
  });
});

describe('every data check on bad data, in fail and in warn mode', () => {
  const inject = { duplicates: 2, leakage: 3, unknownLabels: 2, conflicting: 1, emptyInputs: 2 };
  const severities = (level: 'fail' | 'warn') => ({
    emptyInputs: level,
    missingOutputs: level,
    unknownLabels: level,
    duplicates: level,
    leakage: level,
    conflictingLabels: level,
  });
  /** The generated faults plus an eval row without output_text and one with a blank one. */
  function badData(level: 'fail' | 'warn') {
    const config = exampleVariant(
      tempDir(`bad-${level}`),
      { checks: severities(level) },
      { ...small, inject },
    );
    const files = dataOf(config);
    fs.appendFileSync(files.eval, '{"input_text":"A transcript nobody labelled."}\n');
    fs.appendFileSync(files.eval, '{"input_text":"Another one, labelled blank.","output_text":"  "}\n');
    const expected = expectedFindings(readLines(files.train), readLines(files.eval), labels);
    return { config, files, expected };
  }

  test('the independent count finds every kind of fault in the test data', () => {
    const { expected } = badData('fail');
    expect(Object.keys(expected).sort()).toEqual([
      'conflicting_labels',
      'duplicates',
      'empty_inputs',
      'leakage',
      'missing_outputs',
      'unknown_labels',
    ]);
    expect(expected.missing_outputs).toEqual({ eval: 2 });
    expect(expected.leakage).toEqual({ eval: 3 });
  });

  test('fail: the run stops before any model call, each finding names the lines of the user file', async () => {
    const { config, files, expected } = badData('fail');
    const { summary, runDir } = await runLocally({
      configFile: config,
      stateDir: tempDir('state'),
      runId: 'run_bad_fail',
    });
    expect(summary.status).toBe('failed');
    expect(summary.modelInvocations).toBe(0);
    expect(counts(summary.dataChecks)).toEqual(expected);
    expect(summary.dataChecks.every((f) => f.severity === 'fail')).toBe(true);
    expect(summary.dataChecks.find((f) => f.kind === 'leakage')!.unit).toBe('texts');
    expect(summary.dataChecks.find((f) => f.kind === 'duplicates')!.unit).toBe('rows');

    const lines = { [files.train]: readLines(files.train), [files.eval]: readLines(files.eval) };
    for (const finding of summary.dataChecks) {
      for (const example of examplesOf(finding)) {
        expect(example.lines!.length).toBeGreaterThan(0);
        for (const where of example.lines!) {
          const row = lines[where.file].find((l) => l.line === where.line)!;
          expect((row.input ?? '').slice(0, 80)).toBe(example.text);
        }
      }
    }
    const missing = summary.dataChecks.find((f) => f.kind === 'missing_outputs')!;
    const evalLines = lines[files.eval];
    expect(
      examplesOf(missing)
        .flatMap((e) => e.lines!.map((l) => l.line))
        .sort((a, b) => a - b),
    ).toEqual(evalLines.slice(-2).map((l) => l.line));
    const leak = summary.dataChecks.find((f) => f.kind === 'leakage')!;
    for (const example of examplesOf(leak)) {
      expect(new Set(example.lines!.map((l) => l.file))).toEqual(new Set([files.train, files.eval]));
    }
    const conflict = summary.dataChecks.find((f) => f.kind === 'conflicting_labels')!;
    expect(examplesOf(conflict)[0].labels).toHaveLength(2);
    // The same findings, machine-readable, in the run folder.
    expect(JSON.parse(fs.readFileSync(path.join(runDir, 'findings.json'), 'utf8'))).toEqual(
      summary.dataChecks,
    );
  });

  test('warn: the same findings are recorded as warnings, the run goes on, and every eval row is scored once with its own label', async () => {
    const { config, files } = badData('warn');
    // One eval text twice with two labels, and one eval row repeated exactly.
    const first = readLines(files.eval)[0];
    const [a, b] = labels.filter((l) => l !== first.output);
    fs.appendFileSync(files.eval, `${JSON.stringify({ input_text: 'Twice labelled.', output_text: a })}\n`);
    fs.appendFileSync(files.eval, `${JSON.stringify({ input_text: 'Twice labelled.', output_text: b })}\n`);
    fs.appendFileSync(
      files.eval,
      `${JSON.stringify({ input_text: first.input, output_text: first.output })}\n`,
    );
    const evalLines = readLines(files.eval);
    const expected = expectedFindings(readLines(files.train), evalLines, labels);
    const stateDir = tempDir('state');
    const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_bad_warn' });
    expect(summary.status).not.toBe('failed');
    expect(counts(summary.dataChecks)).toEqual(expected);
    expect(summary.dataChecks.every((f) => f.severity === 'warn')).toBe(true);

    // Rows with both fields are scored (the others are findings); each counts once, with its own label.
    const scorable = evalLines.filter((l) => l.input !== undefined && l.output !== undefined);
    for (const role of ['baseline', 'tuned'] as const) {
      const s = await scoresOf(stateDir, 'run_bad_warn', summary[role]!.model, labels);
      expect(s.rows).toBe(scorable.length);
    }
    for (const label of labels) {
      const support = scorable.filter((l) => labelKey(l.output!) === labelKey(label)).length;
      expect(summary.tuned!.perLabel[label]?.support ?? 0).toBe(support);
      expect(summary.baseline!.perLabel[label]?.support ?? 0).toBe(support);
    }
  });
});

describe('files the loader cannot read', () => {
  test('invalid UTF-8 names the file and line before anything runs', async () => {
    const config = exampleVariant(tempDir('utf8'), {}, small);
    const files = dataOf(config);
    const good = fs.readFileSync(files.eval);
    const lineCount = good.toString('utf8').split('\n').filter(Boolean).length;
    fs.writeFileSync(
      files.eval,
      Buffer.concat([good, Buffer.from('{"input_text":"caf\xe9","output_text":"x"}\n', 'latin1')]),
    );
    await expect(runLocally({ configFile: config, stateDir: tempDir('state') })).rejects.toThrow(
      `${files.eval}:${lineCount + 1}: the line is not valid UTF-8`,
    );
  });

  test('a truncated line names the file and line', async () => {
    const config = exampleVariant(tempDir('cut'), {}, small);
    const files = dataOf(config);
    const lineCount = readLines(files.train).length;
    fs.appendFileSync(files.train, '{"input_text":"cut her');
    await expect(runLocally({ configFile: config, stateDir: tempDir('state') })).rejects.toThrow(
      new RegExp(
        `^${files.train.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${lineCount + 1}: not a JSON object`,
      ),
    );
  });
});

test('a prompt that lists labels with en dashes scores the echoed answers as right, without a warning', async () => {
  const config = exampleVariant(tempDir('dash'), {}, small);
  const parsed = JSON.parse(fs.readFileSync(config, 'utf8')) as {
    task: { promptTemplate: { prefix: string } };
  };
  parsed.task.promptTemplate.prefix = parsed.task.promptTemplate.prefix.replace(/ - /g, ' \u2013 ');
  expect(parsed.task.promptTemplate.prefix).toContain('ENT \u2013 Otolaryngology');
  fs.writeFileSync(config, JSON.stringify(parsed));
  const stateDir = tempDir('state');
  const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_dash' });
  expect(summary.warnings).toBeUndefined();
  const raw = await queryState(
    stateDir,
    `SELECT label, generated_text FROM ${table('predictions')} WHERE model_name = @model AND status = ''`,
    { model: summary.baseline!.model },
  );
  // The base model answers with the prompt's spelling: en dashes where the data has hyphens.
  const dashed = raw.filter((r) => String(r.generated_text).includes('\u2013'));
  expect(dashed.length).toBeGreaterThan(0);
  const fold = (s: string) => labelKey(s.replace(/\u2013/g, '-'));
  const right = dashed.filter((r) => fold(String(r.generated_text)) === fold(String(r.label))).length;
  expect(right).toBeGreaterThan(0);
  for (const label of labels.filter((l) => l.includes(' - '))) {
    const rows = raw.filter((r) => r.label === label);
    const tp = rows.filter((r) => fold(String(r.generated_text)) === fold(label)).length;
    expect(summary.baseline!.perLabel[label]!.recall).toBeCloseTo(rows.length ? tp / rows.length : 0, 12);
  }
});
