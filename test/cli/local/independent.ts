import fs from 'node:fs';
import { latestPredictionRows } from './fixtures';

/**
 * Expected values for end-to-end tests, computed here with plain loops over the test's own files and the
 * raw predictions, never with the pipeline's SQL or its TypeScript twins.
 */

export interface Line {
  line: number;
  input: string | undefined;
  output: string | undefined;
}

export function readLines(file: string): Line[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      const row = JSON.parse(text) as { input_text?: string; output_text?: string };
      return { line, input: row.input_text, output: row.output_text };
    });
}

/** Whitespace runs as one space, no leading or trailing space. */
const squash = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');
/** Labels as the example spells them compare case-insensitively with no spaces around / and -. */
export const labelKey = (s: string) =>
  squash(s)
    .toLowerCase()
    .replace(/ ?([/-]) ?/g, '$1');

/** The expected count of each data check over a train and an eval file, by its check name. */
export function expectedFindings(train: Line[], evalRows: Line[], labels: readonly string[]) {
  const known = new Set(labels.map(labelKey));
  const splits = { train, eval: evalRows };
  const out: Record<string, Record<string, number>> = {};
  const put = (check: string, split: string, n: number) => {
    if (n > 0) (out[check] ??= {})[split] = n;
  };
  for (const [split, rows] of Object.entries(splits)) {
    put('empty_inputs', split, rows.filter((r) => squash(r.input) === '').length);
    put('missing_outputs', split, rows.filter((r) => squash(r.output) === '').length);
    put(
      'unknown_labels',
      split,
      rows.filter((r) => squash(r.output) !== '' && !known.has(labelKey(r.output!))).length,
    );
    const inputs = rows.map((r) => squash(r.input)).filter((s) => s !== '');
    put('duplicates', split, inputs.length - new Set(inputs).size);
  }
  const trainInputs = new Set(train.map((r) => squash(r.input)).filter((s) => s !== ''));
  put(
    'leakage',
    'eval',
    new Set(evalRows.map((r) => squash(r.input)).filter((s) => trainInputs.has(s))).size,
  );
  const labelsOf = new Map<string, Set<string>>();
  for (const r of [...train, ...evalRows]) {
    if (squash(r.input) === '' || squash(r.output) === '') continue;
    const set = labelsOf.get(squash(r.input)) ?? new Set();
    set.add(labelKey(r.output!));
    labelsOf.set(squash(r.input), set);
  }
  put('conflicting_labels', 'both', [...labelsOf.values()].filter((s) => s.size > 1).length);
  return out;
}

export interface Scores {
  rows: number;
  succeeded: number;
  macroF1: number;
  perLabel: Map<string, { f1: number; support: number }>;
}

/**
 * Macro F1 and per-label F1 of one model in one run, from its raw predictions: the latest attempt per
 * example, a failed row counting as a wrong answer, over the task's labels.
 */
export async function scoresOf(
  stateDir: string,
  runId: string,
  model: string,
  labels: readonly string[],
): Promise<Scores> {
  const latest = await latestPredictionRows(stateDir, runId, model);
  const scored = latest.map((r) => ({
    actual: labelKey(String(r.label)),
    predicted: r.status === '' ? labelKey(String(r.generated_text ?? '')) : '',
  }));
  const perLabel = new Map<string, { f1: number; support: number }>();
  for (const label of labels.map(labelKey)) {
    const tp = scored.filter((s) => s.actual === label && s.predicted === label).length;
    const predicted = scored.filter((s) => s.predicted === label).length;
    const support = scored.filter((s) => s.actual === label).length;
    const p = predicted ? tp / predicted : 0;
    const r = support ? tp / support : 0;
    perLabel.set(label, { f1: p + r ? (2 * p * r) / (p + r) : 0, support });
  }
  const f1s = [...perLabel.values()].map((s) => s.f1);
  return {
    rows: scored.length,
    succeeded: [...latest.values()].filter((r) => r.status === '').length,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perLabel,
  };
}

/** A number as the gate prints it: at most three decimals, a whole number as "1.0". */
export function gateNumber(x: number): string {
  const rounded = Math.floor(x * 1000 + 0.5) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}
