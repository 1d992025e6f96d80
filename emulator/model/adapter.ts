/**
 * A LoRA-style classifier head. The frozen base maps an input x to one logit per label, `scale · x·φ(label)`
 * (φ = the label's own hashed features: what the zero-shot base model does). Tuning learns a rank-r update
 * W = A·B on top of it, so logit_c = scale · x·φ(c) + (x·A)·B[:, c]. A starts small and random, B at zero, so
 * an untrained adapter is exactly the base model; training runs SGD on softmax cross-entropy over the labels
 * seen in training. A head without the base term (`labelOverlap: false`) scores by the learned term alone:
 * the generation head, whose "labels" are answer templates, whose words say nothing about the input.
 */
import { dot, featureDim, featurize, featurizeInput, featurizeLabel, type SparseVector } from './features';
import { seededRandom } from './rng';
import { normalizeLabel } from '../../bigquery/normalize';

/** r, the rank of the adapter's update W = A·B. */
export const adapterRank = 8;
export const baseScale = 10;
/** The stand-in for Vertex's recommended learning rate that LEARNING_RATE_MULTIPLIER multiplies. */
export const baseLearningRate = 1;
const initScale = 0.1;
const gradientClip = 1;
const seed = 20240521;

export interface TrainingPair {
  prompt: string;
  input: string;
  label: string;
}

export interface TrainingOptions {
  maxIterations: number;
  learningRateMultiplier: number;
}

export interface TrainingReport {
  epochs: number;
  steps: number;
  learningRate: number;
  /** Mean cross-entropy per epoch, first to last. */
  epochLoss: number[];
}

export interface AdapterState {
  rank: number;
  scale: number;
  labels: string[];
  /**
   * A (featureDim × rank) and B (rank × labels) of the update W = A·B, row-major, as base64 little-endian
   * float32. Named as in the formula, and kept so: tuned models already stored in a warehouse carry these keys.
   */
  // eslint-disable-next-line no-restricted-syntax -- stored key, see above
  a: string;
  // eslint-disable-next-line no-restricted-syntax -- stored key, see above
  b: string;
  /** false: no frozen label-overlap term (absent in states written before it existed: true). */
  labelOverlap?: boolean;
}

function squaredNorm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return sum;
}

function encode(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function decode(text: string, length: number, field: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 4)
    throw new Error(`adapter ${field}: expected ${length} floats, got ${bytes.length / 4}`);
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer);
}

export class LowRankAdapter {
  private readonly labelIndex: Map<string, number>;
  private readonly labelFeatures: SparseVector[];

  private constructor(
    readonly labels: string[],
    private readonly matrixA: Float32Array,
    private readonly matrixB: Float32Array,
    private readonly labelOverlap: boolean,
  ) {
    // Keyed as the evaluation's SQL keys labels, so spellings it scores as one label are one class here.
    this.labelIndex = new Map(labels.map((label, i) => [normalizeLabel(label), i]));
    this.labelFeatures = labelOverlap ? labels.map((label) => featurizeLabel(label)) : [];
  }

  static fromState(state: AdapterState): LowRankAdapter {
    if (state.rank !== adapterRank || state.scale !== baseScale) {
      throw new Error(`adapter: rank ${state.rank} / scale ${state.scale} do not match this local model`);
    }
    return new LowRankAdapter(
      state.labels,
      decode(state.a, featureDim * adapterRank, 'a'),
      decode(state.b, adapterRank * state.labels.length, 'b'),
      state.labelOverlap ?? true,
    );
  }

  toState(): AdapterState {
    const state: AdapterState = {
      rank: adapterRank,
      scale: baseScale,
      labels: this.labels,
      a: encode(this.matrixA),
      b: encode(this.matrixB),
    };
    if (!this.labelOverlap) state.labelOverlap = false;
    return state;
  }

  /**
   * Fits the adapter by SGD: ceil(maxIterations / rows) epochs over the shuffled rows (at least one).
   * `labelOverlap: false` trains a head without the frozen base term. Throws on no rows.
   */
  static train(
    pairs: TrainingPair[],
    options: TrainingOptions,
    labelOverlap = true,
  ): { adapter: LowRankAdapter; report: TrainingReport } {
    if (pairs.length === 0) throw new Error('tuning needs at least one training row');
    const labels: string[] = [];
    const seen = new Set<string>();
    for (const pair of pairs) {
      const key = normalizeLabel(pair.label);
      if (!seen.has(key)) {
        seen.add(key);
        labels.push(pair.label.trim());
      }
    }
    const random = seededRandom(seed);
    const a = new Float32Array(featureDim * adapterRank).map(() => (random() * 2 - 1) * initScale);
    const adapter = new LowRankAdapter(
      labels,
      a,
      new Float32Array(adapterRank * labels.length),
      labelOverlap,
    );
    const examples = pairs.map((pair) => ({
      x: featurize(pair.input),
      y: adapter.labelIndex.get(normalizeLabel(pair.label)) ?? 0,
    }));
    const epochs = Math.max(1, Math.ceil(options.maxIterations / pairs.length));
    const learningRate = baseLearningRate * options.learningRateMultiplier;
    const order = examples.map((_, i) => i);
    const epochLoss: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      let loss = 0;
      for (const index of order) loss += adapter.step(examples[index].x, examples[index].y, learningRate);
      epochLoss.push(loss / order.length);
    }
    return { adapter, report: { epochs, steps: epochs * pairs.length, learningRate, epochLoss } };
  }

  /** x·A: the input's image in the adapter's rank-r space. */
  private hidden(input: SparseVector): Float64Array {
    const hidden = new Float64Array(adapterRank);
    for (let k = 0; k < input.indices.length; k++) {
      const row = input.indices[k] * adapterRank;
      for (let r = 0; r < adapterRank; r++) hidden[r] += input.values[k] * this.matrixA[row + r];
    }
    return hidden;
  }

  /** (x·A)·B[:, label]: the learned term of one label's logit. */
  private adapterLogit(hidden: Float64Array, label: number): number {
    let sum = 0;
    for (let r = 0; r < adapterRank; r++) sum += hidden[r] * this.matrixB[r * this.labels.length + label];
    return sum;
  }

  /** scale · x·φ(label): the frozen base term (0 for a head without it). */
  private baseLogit(input: SparseVector, label: number): number {
    return this.labelOverlap ? baseScale * dot(input, this.labelFeatures[label]) : 0;
  }

  /** One SGD step on one example; returns its cross-entropy before the update. */
  private step(input: SparseVector, target: number, learningRate: number): number {
    const n = this.labels.length;
    const h = this.hidden(input);
    const logits = this.labels.map((_, label) => this.baseLogit(input, label) + this.adapterLogit(h, label));
    const max = Math.max(...logits);
    const exps = logits.map((logit) => Math.exp(logit - max));
    const total = exps.reduce((sum, exp) => sum + exp, 0);
    const grad = exps.map((exp, label) => exp / total - (label === target ? 1 : 0));
    const dh = new Float64Array(adapterRank);
    for (let r = 0; r < adapterRank; r++)
      for (let c = 0; c < n; c++) dh[r] += this.matrixB[r * n + c] * grad[c];
    // Clip the step's global gradient norm (x has unit norm, so |dA| = |dh| and |dB| = |h|·|grad|): the
    // product A·B otherwise feeds back on itself and diverges at large learning rates.
    const norm = Math.sqrt(squaredNorm(h) * squaredNorm(grad) + squaredNorm(dh));
    const step = learningRate * Math.min(1, gradientClip / Math.max(norm, 1e-12));
    for (let r = 0; r < adapterRank; r++)
      for (let c = 0; c < n; c++) this.matrixB[r * n + c] -= step * h[r] * grad[c];
    for (let k = 0; k < input.indices.length; k++) {
      const row = input.indices[k] * adapterRank;
      for (let r = 0; r < adapterRank; r++) this.matrixA[row + r] -= step * input.values[k] * dh[r];
    }
    return -Math.log(Math.max(exps[target] / total, 1e-12));
  }

  /**
   * Scores candidate labels for an input: the frozen base term for every candidate, plus the learned term
   * for candidates seen in training. With no candidates, the training labels are the candidates.
   */
  score(input: string, candidates: string[]): { label: string; logit: number }[] {
    const x = featurizeInput(input);
    const h = this.hidden(x);
    const pool = candidates.length > 0 ? candidates : this.labels;
    return pool.map((label) => {
      const trained = this.labelIndex.get(normalizeLabel(label));
      const base =
        trained === undefined
          ? this.labelOverlap
            ? baseScale * dot(x, featurizeLabel(label))
            : 0
          : this.baseLogit(x, trained);
      return { label, logit: base + (trained === undefined ? 0 : this.adapterLogit(h, trained)) };
    });
  }
}
