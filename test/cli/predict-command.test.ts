import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bqtuneBin } from '../support/bin';
import { tempDir } from './local/fixtures';

const runBqtune = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], { encoding: 'utf8', cwd });

/** `bqtune predict`'s --warn-psi, as a process, on a state folder with no champion. */
describe('bqtune predict --warn-psi', () => {
  const dir = tempDir('predict-flags');
  fs.writeFileSync(path.join(dir, 'in.jsonl'), '{"id":"a","input_text":"x"}\n');
  const predict = (warnPsi: string, runId: string) =>
    runBqtune(
      [
        'predict',
        'in.jsonl',
        '--serving',
        'medical_specialty',
        '--state-dir',
        'st',
        '--run-id',
        runId,
        '--warn-psi',
        warnPsi,
      ],
      dir,
    );
  const leftBehind = (runId: string) =>
    [
      path.join(dir, 'st', 'predictions', runId),
      path.join(dir, 'st', 'gcs', 'bqtune-local-data', runId),
    ].filter((p) => fs.existsSync(p));

  // Number() reads hexadecimal, binary, octal and padded text; a flag typed as a number must be written as one.
  test.each(['0x1', '0b1', '0o7', ' 2', '2 ', 'abc', '', '1_0', 'Infinity'])(
    '%j is refused as not a decimal number, before anything is written',
    (text) => {
      const res = predict(text, 'predict_text');
      expect(res.status).toBe(1);
      expect(res.stderr).toBe(`bqtune: --warn-psi: ${JSON.stringify(text)} is not a decimal number\n`);
      expect(fs.existsSync(path.join(dir, 'st'))).toBe(false);
    },
  );

  // The range is the batch-predict arguments schema's alone: the same line as trigger gives for the value.
  test.each([
    ['0', 'drift.warnPsi must be > 0 (got 0)'],
    ['-0.5', 'drift.warnPsi must be > 0 (got -0.5)'],
    ['1e-400', 'drift.warnPsi must be > 0 (got 0)'],
    ['10.5', 'drift.warnPsi must be <= 10 (got 10.5)'],
  ])('%j is refused by the arguments schema, leaving no run folder and no upload', (text, line) => {
    const runId = `predict_range_${text.replace(/\W/g, '_')}`;
    const res = predict(text, runId);
    expect(res.status).toBe(1);
    expect(res.stderr).toBe(`bqtune: batch-predict arguments is invalid:\n  ${line}\n`);
    expect(leftBehind(runId)).toEqual([]);
  });

  test('a valid value gets past both checks: the run then stops at the missing champion', () => {
    const res = predict('2.5e-1', 'predict_valid');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^batch-predict failed: serving name medical_specialty has no champion yet/);
  });
});

test('bqtune predict refused by the arguments schema on a state folder that did not exist leaves no state folder', () => {
  const dir = tempDir('predict-fresh-state');
  fs.writeFileSync(path.join(dir, 'in.jsonl'), '{"id":"a","input_text":"x"}\n');
  const args = ['predict', 'in.jsonl', '--serving', 'medical_specialty', '--state-dir', 'fresh'];
  const refused = runBqtune([...args, '--warn-psi', '0'], dir);
  expect(refused.stderr).toBe(
    'bqtune: batch-predict arguments is invalid:\n  drift.warnPsi must be > 0 (got 0)\n',
  );
  expect(fs.existsSync(path.join(dir, 'fresh'))).toBe(false);
  // A state folder that held something before is kept, with what it held.
  fs.mkdirSync(path.join(dir, 'kept'));
  fs.writeFileSync(path.join(dir, 'kept', 'mine.txt'), 'x');
  const again = runBqtune([...args.slice(0, -1), 'kept', '--warn-psi', '0'], dir);
  expect(again.status).toBe(1);
  expect(fs.readFileSync(path.join(dir, 'kept', 'mine.txt'), 'utf8')).toBe('x');
});
