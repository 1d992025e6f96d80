import path from 'node:path';
import type { ExampleRow } from '../../schemas';
import { Picker, writeSplits } from '../medical-specialty/generate';
import { comorbidities, conditions, filler } from './vocabulary';
// The same seeded generator as the local model, so the same seed gives the same data on every platform.
import { seededRandom } from '../../emulator/model/rng';

export interface GenerateOptions {
  /** Default 1. */
  seed?: number;
  /** Default 400. */
  trainRows?: number;
  /** Default 120. */
  evalRows?: number;
}

export interface ExampleData {
  train: ExampleRow[];
  eval: ExampleRow[];
}

/** The conditions, in a fixed order: rows cycle through them, so every split has each about equally. */
export const conditionNames: readonly string[] = Object.keys(conditions);

/** A share of notes records a past history, which the impression then repeats. */
const historyShare = 0.6;
/** A share of notes also mentions a symptom of the condition's neighbour, which misleads a word matcher. */
const neighbourShare = 0.35;

function conditionOf(name: string) {
  const condition = conditions[name];
  if (condition === undefined) throw new Error(`examples/clinical-impression: no condition "${name}"`);
  return condition;
}

/**
 * One synthetic note and its impression. The note opens with the patient and two symptoms; the sentences
 * after it (history, social, examination, results, a neighbour's symptom, the plan) come in random order.
 * The impression is "<condition> in a <age>-year-old <sex>[ with <history>]." : the condition in words
 * the note never uses, the rest copied from the note.
 */
function note(pick: Picker, name: string): ExampleRow {
  const condition = conditionOf(name);
  const [symptomA, symptomB] = pick.two(condition.symptoms);
  const age = 18 + pick.int(72);
  const sex = pick.one(filler.sexes);
  const history = pick.chance(historyShare) ? pick.one(comorbidities) : undefined;
  const opening = `${pick.one(filler.visits)}: ${pick.chance(0.5) ? 'This' : 'A'} ${age}-year-old ${sex} ${pick.one(filler.openings)} ${symptomA} and ${symptomB} ${pick.one(filler.durations)}.`;
  const rest = [
    `${pick.one(filler.examIntros)} ${pick.one(condition.findings)}.`,
    `${pick.one(filler.resultIntros)} ${pick.one(condition.results)}.`,
    ...pick.shuffle([...filler.social]).slice(0, pick.int(3)),
  ];
  if (history !== undefined) rest.push(`${pick.one(filler.history)} ${history}.`);
  if (pick.chance(neighbourShare))
    rest.push(`Also reports ${pick.one(conditionOf(condition.neighbour).symptoms)}.`);
  const text = [opening, ...pick.shuffle(rest), pick.one(filler.plans)].join(' ');
  const impression = `${condition.impression} in a ${age}-year-old ${sex}${history ? ` with ${history}` : ''}.`;
  return { input_text: text, output_text: impression };
}

function split(pick: Picker, total: number, seen: Set<string>): ExampleRow[] {
  const rows: ExampleRow[] = [];
  for (let i = 0; i < total; i++) {
    const name = conditionNames[i % conditionNames.length];
    let row = note(pick, name);
    for (let attempt = 0; seen.has(row.input_text); attempt++) {
      if (attempt === 1000)
        throw new Error('examples/clinical-impression: cannot generate another unique note');
      row = note(pick, name);
    }
    seen.add(row.input_text);
    rows.push(row);
  }
  return pick.shuffle(rows);
}

/**
 * A deterministic synthetic train/eval set of (note, impression) pairs: the same options always give the
 * same rows, and no note repeats within or across the splits. Defaults: seed 1, 400 train and 120 eval rows.
 */
export function generateExample(options: GenerateOptions = {}): ExampleData {
  const { seed = 1, trainRows = 400, evalRows = 120 } = options;
  const pick = new Picker(seededRandom(seed));
  const seen = new Set<string>();
  return { train: split(pick, trainRows, seen), eval: split(pick, evalRows, seen) };
}

/** Writes `train.jsonl` and `eval.jsonl` into `dir` (created if missing) and returns their paths. */
export function writeExample(dir: string, options: GenerateOptions = {}): { train: string; eval: string } {
  return writeSplits(dir, generateExample(options));
}

// `node build/examples/clinical-impression/generate.js [DIR]` writes the committed data files (or into DIR).
if (require.main === module) {
  const files = writeExample(
    process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'examples', 'clinical-impression', 'data'),
  );
  process.stdout.write(`wrote ${files.train} and ${files.eval}\n`);
}
