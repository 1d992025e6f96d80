import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateExample, writeExample } from '../../examples/clinical-impression/generate';
import { comorbidities, conditions } from '../../examples/clinical-impression/vocabulary';
import { toJsonl } from '../../examples/medical-specialty/generate';
import { loadPipelineConfig, parseExampleRows, validateExampleRow } from '../../schemas';

const exampleDir = path.join(__dirname, '..', '..', 'examples', 'clinical-impression');
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('the clinical-impression config', () => {
  test('validates as a summarization task without labels, reading the committed data', () => {
    const loaded = loadPipelineConfig(path.join(exampleDir, 'pipeline.json'));
    expect(loaded.task.type).toBe('summarization');
    expect(loaded.task.labels).toBeUndefined();
    expect(loaded.task.promptTemplate.prefix).toBe(
      'Summarise this clinical note as a one-line impression:\n',
    );
    expect(loaded.data).toEqual({
      train: path.join(exampleDir, 'data', 'train.jsonl'),
      eval: path.join(exampleDir, 'data', 'eval.jsonl'),
    });
  });

  test('the committed data is what the generator writes with its defaults', () => {
    const data = generateExample();
    expect(fs.readFileSync(path.join(exampleDir, 'data', 'train.jsonl'), 'utf8')).toBe(toJsonl(data.train));
    expect(fs.readFileSync(path.join(exampleDir, 'data', 'eval.jsonl'), 'utf8')).toBe(toJsonl(data.eval));
  });
});

describe('generateExample', () => {
  const data = generateExample();
  const all = [...data.train, ...data.eval];

  test('has the default sizes, and every condition about equally often in both splits', () => {
    expect([data.train.length, data.eval.length]).toEqual([400, 120]);
    const names = Object.values(conditions).map((c) => c.impression);
    for (const rows of [data.train, data.eval]) {
      const counts = names.map((name) => rows.filter((row) => row.output_text!.startsWith(name)).length);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(rows.length / names.length));
      expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(rows.length / names.length));
    }
  });

  test('is deterministic: the same seed gives the same bytes, another seed other rows', () => {
    expect(toJsonl(generateExample({ seed: 1 }).train)).toBe(toJsonl(data.train));
    expect(toJsonl(generateExample({ seed: 2 }).train)).not.toBe(toJsonl(data.train));
  });

  test('no note repeats within or across the splits, and every row is a valid example row', () => {
    expect(new Set(all.map((row) => row.input_text)).size).toBe(all.length);
    for (const row of all) expect(validateExampleRow(row)).toEqual(row);
    expect(parseExampleRows(toJsonl(data.eval), 'eval.jsonl')).toEqual(data.eval);
  });

  test('no note uses a word of any condition’s name; the age, sex and history are the note’s own', () => {
    const conditionWords = new Set(Object.values(conditions).flatMap((c) => words(c.impression)));
    for (const row of all) {
      const note = new Set(words(row.input_text));
      expect([...conditionWords].filter((word) => note.has(word))).toEqual([]);
      const impression = /^(.+) in a (\d+)-year-old (man|woman)(?: with (.+))?\.$/.exec(row.output_text!);
      expect(impression).not.toBeNull();
      const [, , age, sex, history] = impression!;
      expect(row.input_text).toContain(`${age}-year-old ${sex} `);
      if (history !== undefined) {
        expect(comorbidities).toContain(history);
        expect(row.input_text).toContain(` ${history}.`);
      } else for (const other of comorbidities) expect(row.input_text).not.toContain(` ${other}.`);
    }
  });

  test('notes vary: the first sentence alone rarely repeats, the sentences after it come in many orders', () => {
    const openings = new Set(all.map((row) => row.input_text.split('. ')[0]));
    expect(openings.size).toBeGreaterThan(0.95 * all.length);
    const orders = new Set(
      all.map((row) =>
        row.input_text
          .split('. ')
          .slice(1)
          .map((sentence) => sentence.split(' ')[0])
          .join(' '),
      ),
    );
    expect(orders.size).toBeGreaterThan(100);
  });
});

test('writeExample writes both splits as JSONL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-example-'));
  try {
    const files = writeExample(path.join(dir, 'data'), { seed: 4, trainRows: 30, evalRows: 20 });
    const data = generateExample({ seed: 4, trainRows: 30, evalRows: 20 });
    expect(fs.readFileSync(files.train, 'utf8')).toBe(toJsonl(data.train));
    expect(fs.readFileSync(files.eval, 'utf8')).toBe(toJsonl(data.eval));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
