/**
 * The frozen base representation: hashed word unigrams plus hashed character 4-grams of each word, with
 * signed feature hashing (so collisions cancel rather than accumulate), sub-linear term weights and L2
 * normalisation. It never changes, which is what makes it a "base" for the adapter.
 */
import { fnv1a } from './rng';

/** Length of a feature vector: words and 4-grams are hashed into this many slots. */
export const featureDim = 4096;
if (featureDim > 2 ** 16) throw new Error('features: SparseVector indices are 16-bit');

/**
 * Indices ascending, each below featureDim, and their values. Typed arrays: a run holds one vector per
 * training input while a model tunes (50,000 inputs of ~285 features each), and as plain arrays of numbers
 * they take ~1.8× the memory. The values are the same doubles either way.
 */
export interface SparseVector {
  indices: Uint16Array;
  values: Float64Array;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

function addFeature(acc: Map<number, number>, name: string, weight: number): void {
  const h = fnv1a(name);
  const index = h % featureDim;
  const sign = (h >>> 31) & 1 ? -1 : 1;
  acc.set(index, (acc.get(index) ?? 0) + sign * weight);
}

export function featurize(text: string): SparseVector {
  const acc = new Map<number, number>();
  for (const word of words(text)) {
    addFeature(acc, `w:${word}`, 1);
    const padded = `^${word}$`;
    for (let i = 0; i + 4 <= padded.length; i++) addFeature(acc, `c:${padded.slice(i, i + 4)}`, 0.5);
  }
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [index, raw] of [...acc.entries()].sort((left, right) => left[0] - right[0])) {
    const value = Math.sign(raw) * Math.log1p(Math.abs(raw));
    if (value === 0) continue;
    indices.push(index);
    values.push(value);
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  return {
    indices: Uint16Array.from(indices),
    values: Float64Array.from(norm > 0 ? values.map((value) => value / norm) : values),
  };
}

/** The dot product of two sparse vectors whose indices are sorted ascending. */
export function dot(left: SparseVector, right: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < left.indices.length && j < right.indices.length) {
    if (left.indices[i] === right.indices[j]) sum += left.values[i++] * right.values[j++];
    else if (left.indices[i] < right.indices[j]) i++;
    else j++;
  }
  return sum;
}

/**
 * A bounded cache of features by text: when it is full it starts over, which keeps memory flat at any
 * input size and costs at most one more featurisation of each text.
 */
function featureCache(limit: number): (text: string) => SparseVector {
  const cache = new Map<string, SparseVector>();
  return (text) => {
    let vector = cache.get(text);
    if (!vector) {
      if (cache.size >= limit) cache.clear();
      vector = featurize(text);
      cache.set(text, vector);
    }
    return vector;
  };
}

/** Features of a short label text, cached: every prompt of a run lists the same candidate labels. */
export const featurizeLabel = featureCache(4096);

/**
 * Features of an input text, cached: the baseline and the tuned model read the same eval inputs, so each
 * input is featurised once per run rather than once per model. 20,000 inputs of a few hundred features
 * each is some tens of MiB.
 */
export const featurizeInput = featureCache(20_000);
