import fs from 'node:fs';
import path from 'node:path';
import type { ExampleRow } from '../../schemas';
import config from './pipeline.json';
import { filler, unknownLabels, vocabulary } from './vocabulary';
// The same seeded generator as the local model, so the same seed gives the same data on every platform.
import { seededRandom } from '../../emulator/model/rng';

/**
 * Faulty rows to add, for tests of the data checks. Each count is exact and the rows come on top of the
 * requested sizes: `duplicates` repeat a train row (same input, same label), `conflicting` repeat a train input
 * with another label, `unknownLabels` are new train rows labelled outside the label list, `emptyInputs` are train
 * rows whose input is blank, and `leakage` copies train rows into the eval set. Each count defaults to 0.
 */
export interface InjectedFaults {
  duplicates?: number;
  leakage?: number;
  unknownLabels?: number;
  conflicting?: number;
  emptyInputs?: number;
}

export interface GenerateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 500. */
  trainRows?: number;
  /** Default 150. */
  evalRows?: number;
  /** Share of rows whose label is replaced by the specialty's neighbour, as annotators sometimes do; default 0.03. */
  labelNoise?: number;
  /** Default none. */
  inject?: InjectedFaults;
}

export interface ExampleData {
  train: ExampleRow[];
  eval: ExampleRow[];
}

/** The labels, exactly as the example's pipeline config spells them. */
export const labels: readonly string[] = config.task.labels;

/** Seeded choices: one item, an integer below n, a chance, two different items, a shuffle in place. */
export class Picker {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Two different items, in random order. */
  two<T>(items: readonly T[]): [T, T] {
    const i = this.int(items.length);
    const j = (i + 1 + this.int(items.length - 1)) % items.length;
    return [items[i], items[j]];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

function vocabularyOf(label: string) {
  const words = vocabulary[label];
  if (words === undefined) throw new Error(`examples/medical-specialty: no vocabulary for label "${label}"`);
  return words;
}

/** "Hematology - Oncology" as a clinician would say it in a sentence: "hematology oncology". */
const spoken = (label: string) => label.toLowerCase().replace(/\s*[/-]\s*/g, ' ');

/**
 * A synthetic transcript for one specialty: shared filler around a few specialty terms, sometimes with a term of
 * the neighbouring specialty, or a mention of another specialty's name that misleads a classifier matching
 * label names.
 */
function transcript(pick: Picker, label: string): string {
  const own = vocabularyOf(label);
  const [symptomA, symptomB] = pick.two(own.symptoms);
  const age = 18 + pick.int(70);
  const sentences = [
    `${pick.one(filler.visits)}: This ${age}-year-old ${pick.one(filler.sexes)} ${pick.one(filler.openings)} ${symptomA} and ${symptomB}.`,
    ...pick.shuffle([...filler.history]).slice(0, 1 + pick.int(2)),
    pick.one(filler.vitals),
    `${pick.one(filler.examIntros)} ${pick.one(own.findings)}.`,
  ];
  if (pick.chance(0.6)) sentences.splice(2, 0, `History includes ${pick.one(own.cues)}.`);
  if (pick.chance(0.3)) {
    const neighbour = vocabularyOf(own.neighbour);
    sentences.push(`Also notes ${pick.one(neighbour.symptoms)}.`);
  }
  if (pick.chance(0.2)) {
    const other = pick.one(labels.filter((candidate) => candidate !== label));
    sentences.push(`The patient ${pick.one(filler.mentions)} ${spoken(other)}.`);
  }
  sentences.push(
    `${pick.one(filler.plans)} ${pick.one(own.procedures)}; ${pick.one(filler.medicationIntros)} ${pick.one(own.medications)}.`,
    pick.one(filler.closings),
  );
  return sentences.join(' ');
}

/**
 * How many rows each label gets: every label at least once, the rest spread by fixed uneven weights so that
 * macro and micro averages differ, as they do on real data.
 */
function labelCounts(total: number): number[] {
  if (total < labels.length) {
    throw new Error(`examples/medical-specialty: ${total} rows cannot cover ${labels.length} labels`);
  }
  const weights = labels.map((_, i) => 1 + ((i * 7) % 5) / 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - labels.length;
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  // Largest remainders get the rows that rounding down left over.
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k].i]++;
  return counts;
}

/** A transcript no earlier row of either split has, so the clean data has no duplicates and no leakage. */
function uniqueTranscript(pick: Picker, label: string, seen: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const input = transcript(pick, label);
    if (!seen.has(input)) {
      seen.add(input);
      return input;
    }
  }
  throw new Error('examples/medical-specialty: cannot generate another unique transcript');
}

function split(pick: Picker, total: number, seen: Set<string>, labelNoise: number): ExampleRow[] {
  const planned = labelCounts(total).flatMap((count, i) => Array<string>(count).fill(labels[i]));
  const covered = new Set<string>();
  return pick.shuffle(planned).map((label) => {
    const input = uniqueTranscript(pick, label, seen);
    const noisy = pick.chance(labelNoise);
    // The first row of each label keeps it, so noise never removes a label from a split.
    const output = noisy && covered.has(label) ? vocabularyOf(label).neighbour : label;
    covered.add(label);
    return { input_text: input, output_text: output };
  });
}

function insertAt(pick: Picker, rows: ExampleRow[], row: ExampleRow): void {
  rows.splice(pick.int(rows.length + 1), 0, row);
}

/** Distinct rows of `rows`, as many as asked for. */
function sample(pick: Picker, rows: readonly ExampleRow[], n: number, what: string): ExampleRow[] {
  if (n > rows.length)
    throw new Error(`examples/medical-specialty: ${n} ${what} need at least ${n} train rows`);
  return pick.shuffle([...rows]).slice(0, n);
}

function inject(pick: Picker, data: ExampleData, faults: InjectedFaults, seen: Set<string>): void {
  const clean = [...data.train];
  for (const row of sample(pick, clean, faults.duplicates ?? 0, 'duplicates'))
    insertAt(pick, data.train, { ...row });
  for (const row of sample(pick, clean, faults.conflicting ?? 0, 'conflicting rows')) {
    const other = pick.one(labels.filter((label) => label !== row.output_text));
    insertAt(pick, data.train, { input_text: row.input_text, output_text: other });
  }
  for (const row of sample(pick, clean, faults.leakage ?? 0, 'leaked rows'))
    insertAt(pick, data.eval, { ...row });
  for (let k = 0; k < (faults.unknownLabels ?? 0); k++) {
    const input = uniqueTranscript(pick, pick.one(labels), seen);
    insertAt(pick, data.train, { input_text: input, output_text: unknownLabels[k % unknownLabels.length] });
  }
  // '', ' ', '  ', ...: blank, yet no two alike, so they add no duplicate or conflicting rows of their own.
  for (let k = 0; k < (faults.emptyInputs ?? 0); k++) {
    insertAt(pick, data.train, { input_text: ' '.repeat(k), output_text: pick.one(labels) });
  }
}

/**
 * A deterministic synthetic train/eval set for the example: the same options always give the same rows. Without
 * `inject`, no input repeats within or across the splits and every label occurs in both.
 */
export function generateExample(options: GenerateOptions = {}): ExampleData {
  const { seed = 1, trainRows = 500, evalRows = 150, labelNoise = 0.03, inject: faults } = options;
  const pick = new Picker(seededRandom(seed));
  const seen = new Set<string>();
  const data = {
    train: split(pick, trainRows, seen, labelNoise),
    eval: split(pick, evalRows, seen, labelNoise),
  };
  if (faults !== undefined) inject(pick, data, faults, seen);
  return data;
}

/** Newline-delimited JSON, one row per line, as `LOAD DATA ... format='NEWLINE_DELIMITED_JSON'` reads it. */
export function toJsonl(rows: readonly ExampleRow[]): string {
  return rows.map((row) => JSON.stringify(row) + '\n').join('');
}

/** Writes `train.jsonl` and `eval.jsonl` into `dir` (created if missing) and returns their paths. */
export function writeExample(dir: string, options: GenerateOptions = {}): { train: string; eval: string } {
  return writeSplits(dir, generateExample(options));
}

/** Writes an example's two splits as `train.jsonl` and `eval.jsonl` into `dir` (created if missing). */
export function writeSplits(
  dir: string,
  data: { train: readonly ExampleRow[]; eval: readonly ExampleRow[] },
): { train: string; eval: string } {
  fs.mkdirSync(dir, { recursive: true });
  const files = { train: path.join(dir, 'train.jsonl'), eval: path.join(dir, 'eval.jsonl') };
  fs.writeFileSync(files.train, toJsonl(data.train));
  fs.writeFileSync(files.eval, toJsonl(data.eval));
  return files;
}

// `npm run example-data`: writes the example's files where pipeline.json expects them (or into argv[2]).
if (require.main === module) {
  const files = writeExample(
    process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'examples', 'medical-specialty', 'data'),
  );
  process.stdout.write(`wrote ${files.train} and ${files.eval}\n`);
}
