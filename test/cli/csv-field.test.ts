import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvField } from '../../cli/csv-field';
import { writePredictions, type PredictionRow } from '../../cli/local/predict-locally';
import { tempDir } from './local/fixtures';

/**
 * CSV output cells that a spreadsheet would run as a formula (OWASP "CSV Injection": a cell starting with
 * =, +, -, @, tab or CR; ASVS adds NUL) are written as text with a leading ', quoted; every other value is
 * written as it is, with RFC 4180 quoting. JSONL output is unchanged. Expected texts are written by hand.
 */

test.each([
  ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ['+1+2', `"'+1+2"`],
  ['-2+3', `"'-2+3"`],
  ['@SUM(A1)', `"'@SUM(A1)"`],
  ['\t=1', `"'\t=1"`],
  ['\r=1', `"'\r=1"`],
  ['\0=1', `"'\0=1"`],
  ['=a,b', `"'=a,b"`],
  // A value that starts with the escape itself gets it too, so '=1 and =1 stay two values.
  ["'quoted", `"''quoted"`],
  ["'=1", `"''=1"`],
])('%j starts like a formula or the escape: written as %s', (value, written) => {
  expect(csvField(value)).toBe(written);
});

test.each([
  ['cardiology', 'cardiology'],
  ['a = b', 'a = b'],
  [' =1', ' =1'],
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  ['', ''],
  [null, ''],
  [undefined, ''],
  [42, '42'],
  [-1, `"'-1"`],
])('%j is written as %j', (value, written) => {
  expect(csvField(value)).toBe(written);
});

const row = (id: string, text: string | null): PredictionRow => ({
  id,
  generated_text: text,
  predicted_label: text === null ? null : text.toLowerCase(),
  status: '',
  model_name: 'p.d.tuned_x',
  serving_name: 'triage',
  run_id: 'predict_1',
  predicted_at: '2026-01-01T00:00:00Z',
});

test('predict’s CSV output: formula cells read back as text with a leading quote, JSONL keeps the values', () => {
  const dir = tempDir('csv-injection');
  const rows = [row('=1+1', '@cmd|calc'), row('n2', 'Cardiology, "adult"'), row('-3', null)];
  const csv = path.join(dir, 'out.csv');
  const jsonl = path.join(dir, 'out.jsonl');
  writePredictions(csv, rows);
  writePredictions(jsonl, rows);
  const read = parse(fs.readFileSync(csv), { columns: true }) as Record<string, string>[];
  expect(read.map((r) => [r.id, r.generated_text, r.predicted_label])).toEqual([
    ["'=1+1", "'@cmd|calc", "'@cmd|calc"],
    ['n2', 'Cardiology, "adult"', 'cardiology, "adult"'],
    ["'-3", '', ''],
  ]);
  expect(read[0].model_name).toBe('p.d.tuned_x');
  const lines = fs.readFileSync(jsonl, 'utf8').trimEnd().split('\n');
  expect(lines.map((l) => JSON.parse(l) as PredictionRow)).toEqual(rows);
});

/** What a reader does with a cell of predict's CSV: one leading ' is the escape. Written here, not imported. */
const unescape = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

test('20,000 rows whose keys start like formulas or with the escape round-trip through a CSV parser', () => {
  const starts = ['', '-', '=', '+', '@', "'", "'=", "''", '\t', ' ', '"', ','];
  const rows: PredictionRow[] = [];
  for (let i = 0; i < 20_000; i++) {
    const start = starts[i % starts.length];
    rows.push(
      row(`${start}${i}`, i % 7 === 0 ? null : `${starts[(i * 5) % starts.length]}text ${i}\nline, "q"`),
    );
  }
  const dir = tempDir('csv-round-trip');
  const csv = path.join(dir, 'out.csv');
  writePredictions(csv, rows);
  const read = parse(fs.readFileSync(csv), { columns: true }) as Record<string, string>[];
  expect(read).toHaveLength(20_000);
  expect(new Set(read.map((r) => r.id)).size).toBe(20_000);
  expect(read.map((r) => unescape(r.id))).toEqual(rows.map((r) => r.id));
  expect(read.map((r) => unescape(r.generated_text))).toEqual(rows.map((r) => r.generated_text ?? ''));
});
