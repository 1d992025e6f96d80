import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../../cli/local/run-locally';
import { predictLocally, readPredictionInput } from '../../../cli/local/predict-locally';
import { exampleVariant, queryState, table, tempDir } from './fixtures';
import { spawnSync } from 'node:child_process';
import { bqtuneBin } from '../../support/bin';

type Row = Record<string, unknown>;

const runBqtune = (args: string[]) => spawnSync(process.execPath, [bqtuneBin, ...args], { encoding: 'utf8' });

/** JSONL of `{ id, input_text }` for eval lines [from, to) of a generated example. */
function inputFile(dir: string, evalFile: string, name: string, from: number, to: number): string {
  const lines = fs.readFileSync(evalFile, 'utf8').trim().split('\n').slice(from, to);
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    lines
      .map((l, i) => JSON.stringify({ id: `k${from + i}`, input_text: (JSON.parse(l) as Row).input_text }))
      .join('\n') + '\n',
  );
  return file;
}

/** PSI computed here from raw category counts, independently of the pipeline's SQL. */
function psi(reference: Map<string, number>, current: Map<string, number>): number {
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rt = total(reference);
  const ct = total(current);
  let sum = 0;
  for (const c of new Set([...reference.keys(), ...current.keys()])) {
    const e = Math.max((reference.get(c) ?? 0) / rt, 0.0001);
    const a = Math.max((current.get(c) ?? 0) / ct, 0.0001);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

const counts = (rows: Row[], key: string) => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const c = r[key] === null ? '(invalid)' : String(r[key]);
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
};

/**
 * Tune and promote A, predict, promote B, predict again, roll back to A: each row is answered once per
 * champion, with that champion's lineage, and earlier answers are kept.
 */
describe('batch-predict with the champion, on the local emulator', () => {
  const stateDir = tempDir('predict-state');
  const dir = tempDir('predict-config');
  // A learns less (a lower learning rate), so B, the example's settings, beats it on the same eval set.
  const configA = exampleVariant(dir, {
    model: { tuning: { learningRateMultiplier: 0.5 } },
    gate: { maxLabelRegression: 1 },
  });
  const evalFile = path.join(dir, 'data', 'eval.jsonl');
  const configB = path.join(dir, 'b.json');
  const first = inputFile(dir, evalFile, 'first.jsonl', 0, 30);
  const second = inputFile(dir, evalFile, 'second.jsonl', 20, 50);
  let modelA = '';
  let modelB = '';

  beforeAll(async () => {
    const b = JSON.parse(fs.readFileSync(configA, 'utf8')) as Row & { model: { tuning: Row } };
    b.model.tuning.learningRateMultiplier = 1.0;
    fs.writeFileSync(configB, JSON.stringify(b));
    const a = await runLocally({ configFile: configA, stateDir, runId: 'run_a' });
    expect(a.summary.deployed).toBe(true);
    modelA = a.summary.tuned!.model;
  });

  /** What downstream SQL gets from the serving name's stable table function, and from which model. */
  const viaStableName = async () => {
    const notes = table('downstream_notes');
    await queryState(
      stateDir,
      `CREATE OR REPLACE TABLE ${notes} (id STRING, input_text STRING, note_date DATE)`,
    );
    await queryState(
      stateDir,
      `INSERT INTO ${notes} (id, input_text) VALUES ('d1', 'Chest pain on exertion, ECG with ST changes.')`,
    );
    return queryState(
      stateDir,
      `SELECT id, model_name, status FROM bqtune.medical_specialty(TABLE ${notes})`,
    );
  };

  const served = (where = '') =>
    queryState(
      stateDir,
      `SELECT source_key, model_name, run_id, attempt, status FROM ${table('served_predictions')} ${where} ORDER BY model_name, source_key`,
    );

  test('the promotion of A points the stable name at A, with no other step', async () => {
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelA, status: '' }]);
  });

  test('A answers every row of the first file, with lineage', async () => {
    const r = await predictLocally({ input: first, stateDir, runId: 'predict_1' });
    expect(r.state).toBe('SUCCEEDED');
    expect(r.rows).toHaveLength(30);
    expect(new Set(r.rows.map((x) => x.model_name))).toEqual(new Set([modelA]));
    expect(r.rows.every((x) => x.run_id === 'predict_1' && x.serving_name === 'medical_specialty')).toBe(
      true,
    );
    const out = fs.readFileSync(r.out!, 'utf8').trim().split('\n');
    expect(out).toHaveLength(30);
    // The run's staging tables are gone once it is done.
    for (const staging of ['predict_prompts_predict_1', 'predict_source_predict_1']) {
      await expect(queryState(stateDir, `SELECT * FROM ${table(staging)}`)).rejects.toThrow('Not found');
    }
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelA, status: '' }]);
  });

  test('after B is promoted, B answers the second file; A keeps its rows; nothing is asked twice', async () => {
    const b = await runLocally({ configFile: configB, stateDir, runId: 'run_b' });
    expect(b.summary.deployed).toBe(true);
    modelB = b.summary.tuned!.model;
    expect(modelB).not.toBe(modelA);
    // The stable name resolves to B as soon as the promotion ran, before any batch-predict run.
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelB, status: '' }]);

    const r = await predictLocally({ input: second, stateDir, runId: 'predict_2' });
    expect(r.state).toBe('SUCCEEDED');
    const outcome = (r.outcome as { predictions: Row }).predictions;
    expect(outcome).toMatchObject({ champion: modelB, sourceRows: 30, pending: 30, succeeded: 30 });
    expect(new Set(r.rows.map((x) => x.model_name))).toEqual(new Set([modelB]));

    const again = await predictLocally({ input: second, stateDir, runId: 'predict_3' });
    expect((again.outcome as { predictions: Row }).predictions).toMatchObject({ pending: 0, succeeded: 0 });
    // The output still lists every row, answered by predict_2.
    expect(again.rows.map((x) => x.run_id)).toEqual(new Array(30).fill('predict_2'));

    // The stable name generates as batch-predict does: B's template and settings give B's stored answer.
    const k20 = (JSON.parse(fs.readFileSync(second, 'utf8').split('\n')[0]) as Row).input_text as string;
    const one = table('one_note');
    await queryState(stateDir, `CREATE OR REPLACE TABLE ${one} AS SELECT 'k20' AS id, @text AS input_text`, {
      text: k20,
    });
    const direct = await queryState(
      stateDir,
      `SELECT generated_text FROM bqtune.medical_specialty(TABLE ${one})`,
    );
    const storedText = await queryState(
      stateDir,
      `SELECT generated_text FROM ${table('served_predictions')} WHERE model_name = @m AND source_key = 'k20'`,
      { m: modelB },
    );
    expect(storedText).toHaveLength(1);
    expect(direct).toEqual(storedText);

    const rows = await served();
    expect(rows.filter((x) => x.model_name === modelA)).toHaveLength(30);
    expect(rows.filter((x) => x.model_name === modelB)).toHaveLength(30);
    const pairs = rows.map((x) => `${String(x.model_name)}/${String(x.source_key)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelB, status: '' }]);
  });

  test('after a rollback to A, only the rows A never answered are sent', async () => {
    const rollback = runBqtune(['champion', 'medical_specialty', '--rollback', '--state-dir', stateDir]);
    expect(rollback.status).toBe(0);
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelA, status: '' }]);
    const r = await predictLocally({ input: second, stateDir, runId: 'predict_4' });
    const outcome = (r.outcome as { predictions: Row }).predictions;
    // Keys k20..k29 were in the first file, answered by A then; k30..k49 are new to A.
    expect(outcome).toMatchObject({ champion: modelA, sourceRows: 30, pending: 20, succeeded: 20 });
    expect(r.rows.filter((x) => x.run_id === 'predict_1').map((x) => x.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${20 + i}`),
    );
    expect(await viaStableName()).toEqual([{ id: 'd1', model_name: modelA, status: '' }]);
  });

  test('a key whose text changed between two runs is answered again, from its new text', async () => {
    const evalRows = fs
      .readFileSync(evalFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input_text: string; output_text: string });
    // Two notes of different specialties, so the champion's answers to them differ.
    const [x, z] = [evalRows[0], evalRows.find((r) => r.output_text !== evalRows[0].output_text)!];
    const write = (name: string, rows: [string, string][]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, rows.map(([id, t]) => JSON.stringify({ id, input_text: t })).join('\n') + '\n');
      return file;
    };
    const before = write('edit-1.jsonl', [
      ['edit_a', x.input_text],
      ['edit_b', z.input_text],
    ]);
    const one = await predictLocally({ input: before, stateDir, runId: 'predict_edit_1' });
    const answerTo = new Map(one.rows.map((r) => [r.id, r.generated_text]));
    expect(answerTo.get('edit_a')).not.toEqual(answerTo.get('edit_b'));

    // edit_a now holds edit_b's text; edit_c is a new key with that same text.
    const after = write('edit-2.jsonl', [
      ['edit_a', z.input_text],
      ['edit_b', z.input_text],
      ['edit_c', z.input_text],
    ]);
    const two = await predictLocally({ input: after, stateDir, runId: 'predict_edit_2' });
    expect((two.outcome as { predictions: Row }).predictions).toMatchObject({ pending: 2, succeeded: 2 });
    const byId = new Map(two.rows.map((r) => [r.id, r]));
    expect(byId.get('edit_a')).toMatchObject({
      run_id: 'predict_edit_2',
      generated_text: answerTo.get('edit_b'),
    });
    expect(byId.get('edit_b')).toMatchObject({
      run_id: 'predict_edit_1',
      generated_text: answerTo.get('edit_b'),
    });
    expect(byId.get('edit_c')).toMatchObject({
      run_id: 'predict_edit_2',
      generated_text: answerTo.get('edit_b'),
    });

    // Back to the first text: answered again (the latest answer was to the other text), as the next attempt.
    const three = await predictLocally({ input: before, stateDir, runId: 'predict_edit_3' });
    expect((three.outcome as { predictions: Row }).predictions).toMatchObject({ pending: 1, succeeded: 1 });
    expect(three.rows.find((r) => r.id === 'edit_a')).toMatchObject({
      run_id: 'predict_edit_3',
      generated_text: answerTo.get('edit_a'),
    });
    const attempts = await queryState(
      stateDir,
      `SELECT run_id, CAST(attempt AS STRING) AS attempt FROM ${table('served_predictions')} WHERE source_key = 'edit_a' AND model_name = @m ORDER BY attempt`,
      { m: modelA },
    );
    expect(attempts).toEqual([
      { run_id: 'predict_edit_1', attempt: '1' },
      { run_id: 'predict_edit_2', attempt: '2' },
      { run_id: 'predict_edit_3', attempt: '3' },
    ]);
  });

  test('the drift statistic equals PSI computed from the raw rows, and a shifted input warns', async () => {
    // The champion's own eval inputs give the same distribution as its evaluation: PSI 0, no warning.
    const all = inputFile(dir, evalFile, 'all.jsonl', 0, 150);
    const same = await predictLocally({ input: all, stateDir, runId: 'predict_same' });
    const sameDrift = (same.outcome as { predictions: { drift: Row } }).predictions.drift;
    const reference = await queryState(
      stateDir,
      `SELECT predicted_label FROM ${table('predictions')} WHERE model_name = @m AND status = '' AND eval_fingerprint = (SELECT eval_key FROM ${table('runs')} WHERE run_id = 'run_a' AND eval_key IS NOT NULL LIMIT 1)`,
      { m: modelA },
    );
    const current = await queryState(
      stateDir,
      `SELECT predicted_label FROM ${table('served_predictions')} WHERE run_id = 'predict_same' AND status = ''`,
    );
    const expected = psi(counts(reference, 'predicted_label'), counts(current, 'predicted_label'));
    expect(sameDrift.computed).toBe(true);
    expect(sameDrift.psi as number).toBeCloseTo(expected, 9);
    expect(sameDrift.warning).toBe(false);

    // Only the rows A labels as the most frequent specialty: a shifted population.
    const label = [...counts(reference, 'predicted_label').entries()].sort((x, y) => y[1] - x[1])[0][0];
    const keys = new Set(
      (
        await queryState(
          stateDir,
          `SELECT source_key FROM ${table('served_predictions')} WHERE run_id = 'predict_same' AND predicted_label = @l`,
          { l: label },
        )
      ).map((x) => String(x.source_key)),
    );
    const shiftedFile = path.join(dir, 'shifted.jsonl');
    fs.writeFileSync(
      shiftedFile,
      fs
        .readFileSync(all, 'utf8')
        .trim()
        .split('\n')
        .filter((l) => keys.has(String((JSON.parse(l) as Row).id)))
        .map((l) => {
          const row = JSON.parse(l) as Row;
          return JSON.stringify({ ...row, id: `shifted_${String(row.id)}` });
        })
        .join('\n') + '\n',
    );
    const shifted = await predictLocally({
      input: shiftedFile,
      stateDir,
      runId: 'predict_shifted',
      driftMinRows: 5,
    });
    const drift = (shifted.outcome as { predictions: { drift: Row } }).predictions.drift;
    const shiftedRows = await queryState(
      stateDir,
      `SELECT predicted_label FROM ${table('served_predictions')} WHERE run_id = 'predict_shifted' AND status = ''`,
    );
    expect(drift.psi as number).toBeCloseTo(
      psi(counts(reference, 'predicted_label'), counts(shiftedRows, 'predicted_label')),
      9,
    );
    expect(drift.warning).toBe(true);
    const report = fs.readFileSync(shifted.report, 'utf8');
    expect(report).toContain('Drift warning:</strong> population stability index');
    expect(report).toContain((drift.psi as number).toFixed(3));
    expect(fs.readFileSync(same.report, 'utf8')).toContain('is within the threshold 0.200');
    const runs = await queryState(
      stateDir,
      `SELECT status, pipeline, TO_JSON_STRING(predictions) AS predictions FROM ${table('runs')} WHERE run_id = 'predict_shifted' ORDER BY recorded_at`,
    );
    expect(runs.map((x) => x.status)).toEqual(['running', 'succeeded']);
    expect(runs[1].pipeline).toBe('batch-predict');
    expect((JSON.parse(String(runs[1].predictions)) as { drift: Row }).drift.warning).toBe(true);
  });
});

describe('batch-predict refuses before any model call', () => {
  test('no champion yet: one clear error, exit 1, no rows served, the run recorded as failed', async () => {
    const stateDir = tempDir('predict-empty');
    const dir = tempDir('predict-empty-in');
    const file = path.join(dir, 'in.csv');
    fs.writeFileSync(file, 'id,input_text\n1,"a note, with a comma"\n2,another note\n');
    const cli = runBqtune([
      'predict',
      file,
      '--serving',
      'medical_specialty',
      '--run-id',
      'predict_none',
      '--state-dir',
      stateDir,
    ]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('serving name medical_specialty has no champion yet');
    expect(await queryState(stateDir, `SELECT * FROM ${table('served_predictions')}`)).toEqual([]);
    const runs = await queryState(
      stateDir,
      `SELECT status FROM ${table('runs')} WHERE run_id = 'predict_none' ORDER BY recorded_at`,
    );
    expect(runs.map((x) => x.status)).toEqual(['running', 'failed']);
    const report = fs.readFileSync(path.join(stateDir, 'predictions', 'predict_none', 'report.html'), 'utf8');
    expect(report).toContain(
      '<strong>The run failed.</strong><p>serving name medical_specialty has no champion yet',
    );
  });

  test('input errors name the file and line', () => {
    const dir = tempDir('predict-input');
    const dup = path.join(dir, 'dup.jsonl');
    fs.writeFileSync(dup, '{"id":"a","input_text":"x"}\n{"id":"a","input_text":"y"}\n');
    expect(() => readPredictionInput(dup)).toThrow(`${dup}:2: key a repeats line 1`);
    const nokey = path.join(dir, 'nokey.csv');
    fs.writeFileSync(nokey, 'note_id,text\n,hello\n');
    expect(() => readPredictionInput(nokey, 'note_id', 'text')).toThrow(
      `${nokey}:2: no value in key column note_id`,
    );
    const csv = path.join(dir, 'ok.csv');
    fs.writeFileSync(csv, 'note_id,text\n7,"multi\nline, quoted"\n');
    expect(readPredictionInput(csv, 'note_id', 'text')).toEqual([
      { id: '7', input_text: 'multi\nline, quoted' },
    ]);
    const bom = path.join(dir, 'bom.jsonl');
    fs.writeFileSync(bom, '\uFEFF{"id":"a","input_text":"x"}\n');
    expect(readPredictionInput(bom)).toEqual([{ id: 'a', input_text: 'x' }]);
    const latin = path.join(dir, 'latin.jsonl');
    fs.writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from('{"id":"a","input_text":"x"}\n{"id":"b","input_text":"'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
    );
    expect(() => readPredictionInput(latin)).toThrow(`${latin}:2: the line is not valid UTF-8`);
    const big = path.join(dir, 'big.jsonl');
    fs.writeFileSync(big, '{"id":9007199254740993,"input_text":"x"}\n');
    expect(() => readPredictionInput(big)).toThrow(`${big}:1: key 9007199254740992 is not an exact integer`);
    // A quoted field may hold line breaks: a record is named by the line it starts on, LF or CRLF alike.
    for (const eol of ['\n', '\r\n']) {
      const multi = path.join(dir, `multi-${eol.length}.csv`);
      const lines = [
        '\uFEFFid,input_text',
        '7,"multi',
        'line ""quoted"""',
        '8,plain',
        '',
        '7,"again',
        'and again"',
      ];
      fs.writeFileSync(multi, lines.join(eol) + eol);
      expect(() => readPredictionInput(multi)).toThrow(`${multi}:6: key 7 repeats line 2`);
      fs.writeFileSync(multi, lines.slice(0, 5).join(eol));
      expect(readPredictionInput(multi)).toEqual([
        { id: '7', input_text: `multi${eol}line "quoted"` },
        { id: '8', input_text: 'plain' },
      ]);
    }
    // A header that names a column twice, or lacks the key or input column, is refused (every row's input
    // would otherwise read as missing, and the run would send nothing and succeed).
    const twice = path.join(dir, 'twice.csv');
    fs.writeFileSync(twice, 'id,id,input_text\n1,2,x\n');
    expect(() => readPredictionInput(twice)).toThrow(`${twice}:1: the header names column id twice`);
    const spaced = path.join(dir, 'spaced.csv');
    fs.writeFileSync(spaced, 'id, input_text\n1, x\n');
    expect(() => readPredictionInput(spaced)).toThrow(
      `${spaced}:1: no column input_text in the header (columns: "id", " input_text")`,
    );
    const keyless = path.join(dir, 'keyless.csv');
    fs.writeFileSync(keyless, 'note,input_text\n1,x\n');
    expect(() => readPredictionInput(keyless)).toThrow(`${keyless}:1: no column id in the header`);
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, '{"id":"a","input_text":"x"}\nnot json\n');
    expect(() => readPredictionInput(bad)).toThrow(`${bad}:2: not a JSON object`);
  });
});

describe('batch-predict fails rather than pretend', () => {
  test('a run where no row succeeded fails, naming the counts; arguments out of range are refused', async () => {
    const stateDir = tempDir('predict-fail');
    const dir = tempDir('predict-fail-config');
    const tuned = await runLocally({ configFile: exampleVariant(dir), stateDir, runId: 'run_fail' });
    expect(tuned.summary.deployed).toBe(true);
    const file = inputFile(dir, path.join(dir, 'data', 'eval.jsonl'), 'in.jsonl', 0, 10);
    const failed = await predictLocally({
      input: file,
      stateDir,
      runId: 'predict_fail',
      faults: { rowResourceExhausted: { rate: 1, maxPerRow: 10 } },
    });
    expect(failed.state).toBe('FAILED');
    expect((failed.outcome as { message: string }).message).toBe(
      'none of the 10 rows sent to the champion succeeded (0 failed, 10 still retryable after 3 passes); their statuses are in served_predictions',
    );
    // Refused by the arguments' schema before it runs, as trigger refuses it (arguments-paths.test.ts).
    await expect(
      predictLocally({ input: file, stateDir, runId: 'predict_psi', warnPsi: 50 }),
    ).rejects.toThrow(/^batch-predict arguments is invalid:\n {2}drift\.warnPsi /);
    expect(fs.existsSync(path.join(stateDir, 'predictions', 'predict_psi'))).toBe(false);
  });
});

describe('batch-predict retries only retryable rows', () => {
  test('rows that hit quota are generated again, as their next attempt, until they succeed', async () => {
    const stateDir = tempDir('predict-retry');
    const dir = tempDir('predict-retry-config');
    const config = exampleVariant(dir);
    const tuned = await runLocally({ configFile: config, stateDir, runId: 'run_retry' });
    expect(tuned.summary.deployed).toBe(true);
    const file = inputFile(dir, path.join(dir, 'data', 'eval.jsonl'), 'in.jsonl', 0, 60);
    const r = await predictLocally({
      input: file,
      stateDir,
      runId: 'predict_retry',
      faults: { rowResourceExhausted: { rate: 0.3, maxPerRow: 1 } },
    });
    const outcome = (r.outcome as { predictions: Row }).predictions;
    expect(outcome).toMatchObject({ pending: 60, succeeded: 60, failed: 0, retryable: 0, passes: 2 });
    const rows = await queryState(
      stateDir,
      `SELECT attempt, status FROM ${table('served_predictions')} WHERE run_id = 'predict_retry'`,
    );
    const failedFirst = rows.filter((x) => x.status !== '');
    expect(failedFirst.length).toBeGreaterThan(0);
    expect(
      failedFirst.every((x) => Number(x.attempt) === 1 && /RESOURCE.EXHAUSTED/i.test(String(x.status))),
    ).toBe(true);
    // Exactly the failed keys were sent again, once each.
    expect(rows.filter((x) => Number(x.attempt) === 2)).toHaveLength(failedFirst.length);
    expect(rows).toHaveLength(60 + failedFirst.length);
  });
});
