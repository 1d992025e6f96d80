import {
  LowRankAdapter,
  baseScale,
  type AdapterState,
  type TrainingOptions,
  type TrainingReport,
} from './adapter';
import { dot, featurizeInput, featurizeLabel, words } from './features';
import { parsePrompt } from './prompt';

/**
 * The local stand-in for a Vertex Gemini endpoint: deterministic, CPU-only, no weights to download. It is a
 * hashed-feature linear scorer, not a language model:
 * - with candidate labels in the prompt it answers with the best-scoring label's text;
 * - the base model scores a label by the overlap of its words and character 4-grams with the input
 *   (zero-shot, and imperfect by nature);
 * - a tuned model adds its low-rank adapter's learned term, and without candidates in the prompt answers
 *   with the best training label (so free-text targets come back as the nearest answer seen in training);
 * - the base model with no candidates answers with the input's first sentence (an extractive "summary").
 */
export interface Generation {
  text: string;
  promptTokens: number;
  outputTokens: number;
}

export interface ModelState {
  adapter?: AdapterState;
}

function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?](\s|$)/.exec(trimmed);
  return end ? trimmed.slice(0, end.index + 1) : trimmed;
}

function truncateTokens(text: string, maxTokens: number): string {
  const parts = text.split(/(\s+)/);
  let count = 0;
  let out = '';
  for (const part of parts) {
    if (part.trim().length > 0 && ++count > maxTokens) break;
    out += part;
  }
  return out.trimEnd();
}

function argmax(scored: { label: string; logit: number }[]): string {
  let best = scored[0];
  for (const candidate of scored) if (candidate.logit > best.logit) best = candidate;
  return best.label;
}

export class LocalModel {
  private constructor(private readonly adapter: LowRankAdapter | undefined) {}

  static base(): LocalModel {
    return new LocalModel(undefined);
  }

  static fromState(state: ModelState): LocalModel {
    return new LocalModel(state.adapter ? LowRankAdapter.fromState(state.adapter) : undefined);
  }

  static tune(
    pairs: { prompt: string; label: string }[],
    options: TrainingOptions,
  ): { model: LocalModel; report: TrainingReport } {
    const { adapter, report } = LowRankAdapter.train(
      pairs.map((pair) => ({ ...pair, input: parsePrompt(pair.prompt).input })),
      options,
    );
    return { model: new LocalModel(adapter), report };
  }

  get tuned(): boolean {
    return this.adapter !== undefined;
  }

  toState(): ModelState {
    return this.adapter ? { adapter: this.adapter.toState() } : {};
  }

  generate(prompt: string, maxOutputTokens: number): Generation {
    const { labels, input } = parsePrompt(prompt);
    let answer: string;
    if (this.adapter) answer = argmax(this.adapter.score(input, labels));
    else if (labels.length > 0) {
      const x = featurizeInput(input);
      answer = argmax(labels.map((label) => ({ label, logit: baseScale * dot(x, featurizeLabel(label)) })));
    } else answer = firstSentence(input);
    const text = truncateTokens(answer, maxOutputTokens);
    return { text, promptTokens: words(prompt).length, outputTokens: words(text).length };
  }
}
