import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import config from '../../examples/medical-specialty/pipeline.json';
import { generateExample, labels, toJsonl, writeExample } from '../../examples/medical-specialty/generate';
import { vocabulary } from '../../examples/medical-specialty/vocabulary';
import { loadPipelineConfig, parseExampleRows, validateExampleRow } from '../../schemas';
import type { ExampleRow } from '../../schemas';

const exampleDir = path.join(__dirname, '..', '..', 'examples', 'medical-specialty');

/** What the pipeline's data checks look for, computed here independently of the generator. */
function findings(train: ExampleRow[], evalRows: ExampleRow[]) {
  const pairs = new Set(train.map((row) => JSON.stringify([row.input_text, row.output_text])));
  const inputs = new Set(train.map((row) => row.input_text));
  const duplicates = train.length - pairs.size;
  const conflicting = pairs.size - inputs.size;
  const trainInputs = new Set(train.map((row) => row.input_text));
  const evalInputs = evalRows.map((row) => row.input_text);
  return {
    duplicates,
    conflicting,
    evalDuplicates: evalInputs.length - new Set(evalInputs).size,
    leakage: evalRows.filter((row) => trainInputs.has(row.input_text)).length,
    unknownLabels: [...train, ...evalRows].filter((row) => !labels.includes(row.output_text)).length,
    emptyInputs: [...train, ...evalRows].filter((row) => row.input_text.trim() === '').length,
  };
}

describe('the example pipeline config', () => {
  test('validates, and its prompt lists exactly its labels in order', () => {
    const loaded = loadPipelineConfig(path.join(exampleDir, 'pipeline.json'));
    expect(loaded.data).toEqual({
      train: path.join(exampleDir, 'data', 'train.jsonl'),
      eval: path.join(exampleDir, 'data', 'eval.jsonl'),
    });
    expect(loaded.task.promptTemplate.prefix).toBe(
      `Please assign a label for the given medical transcript from among these labels [${config.task.labels.join(', ')}]. TRANSCRIPT: `,
    );
    expect(labels.length).toBeGreaterThanOrEqual(15);
    expect(labels.length).toBeLessThanOrEqual(20);
  });

  test('every label has a vocabulary whose neighbour is another label', () => {
    expect(Object.keys(vocabulary).sort()).toEqual([...labels].sort());
    for (const [label, words] of Object.entries(vocabulary)) {
      expect(labels).toContain(words.neighbour);
      expect(words.neighbour).not.toBe(label);
      for (const list of [words.cues, words.symptoms, words.findings, words.procedures, words.medications]) {
        expect(list.length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('generateExample', () => {
  const data = generateExample();

  test('has the default sizes and every label in both splits', () => {
    expect(data.train).toHaveLength(500);
    expect(data.eval).toHaveLength(150);
    for (const rows of [data.train, data.eval]) {
      const present = new Set(rows.map((row) => row.output_text));
      expect([...present].sort()).toEqual([...labels].sort());
    }
  });

  test('is deterministic: the same seed gives the same bytes, another seed other rows', () => {
    const again = generateExample({ seed: 1 });
    expect(toJsonl(again.train)).toBe(toJsonl(data.train));
    expect(toJsonl(again.eval)).toBe(toJsonl(data.eval));
    const other = generateExample({ seed: 2 });
    expect(toJsonl(other.train)).not.toBe(toJsonl(data.train));
  });

  test('has no empty inputs, unknown labels, duplicates, conflicts or leakage', () => {
    expect(findings(data.train, data.eval)).toEqual({
      duplicates: 0,
      conflicting: 0,
      evalDuplicates: 0,
      leakage: 0,
      unknownLabels: 0,
      emptyInputs: 0,
    });
  });

  test('every row is valid against the example-row schema and survives a JSONL round trip', () => {
    for (const row of [...data.train, ...data.eval]) expect(validateExampleRow(row)).toEqual(row);
    expect(parseExampleRows(toJsonl(data.eval), 'eval.jsonl')).toEqual(data.eval);
  });

  test('swaps a few labels for the specialty’s neighbour, and only labels', () => {
    const clean = generateExample({ labelNoise: 0 });
    const swapped = data.train.filter((row, i) => row.output_text !== clean.train[i].output_text);
    expect(data.train.map((row) => row.input_text)).toEqual(clean.train.map((row) => row.input_text));
    expect(swapped.length).toBeGreaterThanOrEqual(5);
    expect(swapped.length).toBeLessThanOrEqual(30);
    for (const row of swapped) {
      const original = clean.train[data.train.indexOf(row)].output_text;
      expect(row.output_text).toBe(vocabulary[original].neighbour);
    }
  });

  test('honours other sizes and refuses sizes that cannot cover the labels', () => {
    const small = generateExample({ seed: 3, trainRows: 40, evalRows: 18 });
    expect([small.train.length, small.eval.length]).toEqual([40, 18]);
    expect(new Set(small.eval.map((row) => row.output_text)).size).toBe(labels.length);
    expect(() => generateExample({ evalRows: 5 })).toThrow('5 rows cannot cover 18 labels');
  });

  test('injects each requested fault in exactly the requested count', () => {
    const faulty = generateExample({
      seed: 9,
      trainRows: 200,
      evalRows: 60,
      inject: { duplicates: 3, leakage: 4, unknownLabels: 5, conflicting: 2, emptyInputs: 6 },
    });
    expect(faulty.train).toHaveLength(200 + 3 + 5 + 2 + 6);
    expect(faulty.eval).toHaveLength(60 + 4);
    expect(findings(faulty.train, faulty.eval)).toEqual({
      duplicates: 3,
      conflicting: 2,
      evalDuplicates: 0,
      leakage: 4,
      unknownLabels: 5,
      emptyInputs: 6,
    });
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
