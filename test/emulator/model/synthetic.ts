import { seededRandom } from '../../../emulator/model/rng';

/**
 * A tiny labelled corpus whose labels are predictable from vocabulary but rarely named in the text, so a
 * zero-shot scorer is weak and a tuned one has something real to learn.
 */
const vocabulary: Record<string, string[]> = {
  Cardiology: ['palpitations', 'murmur', 'ecg', 'angina', 'stent', 'arrhythmia', 'troponin', 'valve'],
  Neurology: ['seizure', 'migraine', 'numbness', 'tremor', 'eeg', 'stroke', 'aphasia', 'neuropathy'],
  Orthopedics: ['fracture', 'knee', 'cast', 'ligament', 'tendon', 'arthroplasty', 'sprain', 'femur'],
  Dermatology: ['rash', 'eczema', 'mole', 'psoriasis', 'itching', 'lesion', 'biopsy', 'acne'],
  Gastroenterology: ['colonoscopy', 'reflux', 'bowel', 'ulcer', 'nausea', 'liver', 'endoscopy', 'polyp'],
};
const filler = [
  'patient',
  'presents',
  'with',
  'history',
  'of',
  'the',
  'and',
  'reports',
  'denies',
  'today',
  'follow',
  'up',
];

export const syntheticLabels = Object.keys(vocabulary);

export interface SyntheticRow {
  input_text: string;
  output_text: string;
}

export function syntheticRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const rows: SyntheticRow[] = [];
  for (let i = 0; i < count; i++) {
    const label = syntheticLabels[i % syntheticLabels.length];
    const tokens: string[] = [];
    for (let t = 0; t < 14; t++) {
      const r = random();
      if (r < 0.3) tokens.push(pick(vocabulary[label]));
      else if (r < 0.4) tokens.push(pick(vocabulary[pick(syntheticLabels)]));
      else tokens.push(pick(filler));
    }
    rows.push({ input_text: `${tokens.join(' ')} (case ${seed}-${i}).`, output_text: label });
  }
  return rows;
}

export function classificationPrompt(input: string): string {
  return `Please assign a label for the given medical transcript from among these labels [${syntheticLabels.join(', ')}]. TRANSCRIPT: ${input}`;
}
