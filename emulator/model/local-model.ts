/**
 * The local stand-in for a Vertex Gemini endpoint: deterministic, CPU-only, no weights to download. It is a
 * hashed-feature linear scorer, not a language model:
 * - with candidate labels in the prompt the base model answers with the best-scoring label's text, scoring
 *   a label by the overlap of its words and character 4-grams with the input (zero-shot, and imperfect by
 *   nature);
 * - with no candidates the base model answers with the input's first sentence (an extractive "summary":
 *   plausible, generic, nothing learned);
 * - tuning reads what it is given: training answers that repeat (at most half as many distinct answers as
 *   rows) are labels, and the tuned model is a classifier, the base's label scores plus its low-rank
 *   adapter's learned term; otherwise the answers are free text, and the tuned model writes its answer
 *   from the template the adapter picks for the input, filled with words of the input (`templates.ts`).
 */
import definitions from '../../schemas/definitions.schema.json';
import {
  LowRankAdapter,
  baseScale,
  type AdapterState,
  type TrainingOptions,
  type TrainingReport,
} from './adapter';
import { dot, featurizeInput, featurizeLabel, words } from './features';
import { parsePrompt } from './prompt';
import { fillTemplate, learnTemplates, type TemplateState } from './templates';
import { normalizeLabel } from '../../bigquery/normalize';

/** One answer of the model, with the prompt's and the answer's token counts (as Vertex reports usage). */
export interface Generation {
  text: string;
  promptTokens: number;
  outputTokens: number;
}

export interface ModelState {
  adapter?: AdapterState;
  /** Present for a free-text model: its answer templates, which the adapter's labels (`t0`, ...) name. */
  templates?: TemplateState[];
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

/** Training answers that repeat this much (rows per distinct answer, at least) are labels. */
const rowsPerLabel = 2;
/**
 * More distinct answers than a classification task may declare labels (the config schema's `task.labels`
 * maxItems) are free text however often they repeat: short answers drawn from a finite vocabulary repeat at
 * real sizes (21,000 summaries held 10,318 distinct ones), and a softmax over ten thousand "labels" is
 * neither what the task is nor affordable.
 */
const maxLabels: number = definitions.$defs.task.properties.labels.maxItems;

const templateLabel = (index: number): string => `t${index}`;

export class LocalModel {
  private constructor(
    private readonly adapter: LowRankAdapter | undefined,
    private readonly templates: TemplateState[] | undefined,
  ) {}

  static base(): LocalModel {
    return new LocalModel(undefined, undefined);
  }

  static fromState(state: ModelState): LocalModel {
    return new LocalModel(
      state.adapter ? LowRankAdapter.fromState(state.adapter) : undefined,
      state.templates,
    );
  }

  /**
   * Tunes on (prompt, answer) pairs: a classifier when the answers form a label set, else a free-text
   * model (see the class comment). `options.maxIterations` counts SGD steps of the adapter, rounded up to
   * whole epochs. Throws on no pairs.
   */
  static tune(
    pairs: { prompt: string; label: string }[],
    options: TrainingOptions,
  ): { model: LocalModel; report: TrainingReport } {
    const rows = pairs.map((pair) => ({ ...pair, input: parsePrompt(pair.prompt).input }));
    const distinct = new Set(pairs.map((pair) => normalizeLabel(pair.label))).size;
    if ((distinct * rowsPerLabel <= pairs.length && distinct <= maxLabels) || pairs.length === 0) {
      const { adapter, report } = LowRankAdapter.train(rows, options);
      return { model: new LocalModel(adapter, undefined), report };
    }
    const { templates, rowTemplate } = learnTemplates(
      rows.map((row) => row.input),
      rows.map((row) => row.label.trim()),
    );
    const { adapter, report } = LowRankAdapter.train(
      rows
        .map((row, i) => ({ ...row, label: templateLabel(rowTemplate[i]) }))
        .filter((_, i) => rowTemplate[i] >= 0),
      options,
      false,
    );
    return { model: new LocalModel(adapter, templates), report };
  }

  get tuned(): boolean {
    return this.adapter !== undefined;
  }

  toState(): ModelState {
    if (!this.adapter) return {};
    return this.templates
      ? { adapter: this.adapter.toState(), templates: this.templates }
      : { adapter: this.adapter.toState() };
  }

  generate(prompt: string, maxOutputTokens: number): Generation {
    const { labels, input } = parsePrompt(prompt);
    let answer: string;
    if (this.adapter && this.templates) {
      const template = this.templates[Number(argmax(this.adapter.score(input, [])).slice(1))];
      answer = fillTemplate(template, input);
    } else if (this.adapter) answer = argmax(this.adapter.score(input, labels));
    else if (labels.length > 0) {
      const x = featurizeInput(input);
      answer = argmax(labels.map((label) => ({ label, logit: baseScale * dot(x, featurizeLabel(label)) })));
    } else answer = firstSentence(input);
    const text = truncateTokens(answer, maxOutputTokens);
    return { text, promptTokens: words(prompt).length, outputTokens: words(text).length };
  }
}
