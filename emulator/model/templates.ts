/**
 * What the local model learns about free-text answers beyond "which answer fits": their form, and which of
 * their words come from the input. A training answer is split into its form (the words it does not take
 * from its input, and the punctuation) and slots (the words it copies from its input). "Pneumonia in a
 * 67-year-old man with COPD." asked about a note on a 67-year-old man with COPD becomes the template
 * "Pneumonia in a ◦-year-old ◦ with ◦." whose three slots remember where in the input their words were
 * found: the words to their left and right there, the words themselves, and whether a slot's word followed
 * the previous slot's (a copied phrase). The tuned model picks a template for a new input (the adapter's
 * classification head, trained on the templates as labels) and fills each slot with the input word whose
 * neighbourhood best matches what the slot saw in training. No eval row is involved, and nothing is random.
 */

/** Templates kept for the head: the most frequent ones, so tuning cost stays bounded at any row count. */
export const maxTemplates = 256;

/**
 * A word at least this share of the training answers contain is part of the answers' form ("in", "a",
 * "year"), never copied even when the input has it too; rarer words found in the input are copied. Four in
 * five: a word half the answers have ("man", "woman") is more often a fact of the input than form.
 */
export const formWordShare = 0.8;

/** Votes a slot collected in training, by lower-cased word; `count` is how many answers filled it. */
export interface SlotState {
  left: Record<string, number>;
  right: Record<string, number>;
  /** Punctuation before and after the word in the input ('' a space): "asthma." ends a sentence. */
  before: Record<string, number>;
  after: Record<string, number>;
  word: Record<string, number>;
  /** Answers in which this slot's word came right after the previous slot's word in the input. */
  follows: number;
  /** Answers in which the copied word was capitalised where the input's was not. */
  capitalised: number;
  count: number;
}

/** Literal text and slot numbers, in answer order; `rows` is how many training answers have this form. */
export interface TemplateState {
  parts: (string | number)[];
  slots: SlotState[];
  rows: number;
}

interface Token {
  surface: string;
  word: string;
  /** The punctuation between this word and the next ('' for a space, '$' at the end). */
  after: string;
  /** The punctuation between the previous word and this one ('' for a space, '^' at the start). */
  before: string;
}

const wordOrGap = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const isWord = /^[\p{L}\p{N}]/u;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let gap = '^';
  for (const part of text.match(wordOrGap) ?? []) {
    if (!isWord.test(part)) {
      gap = part.trim();
      if (out.length > 0) out[out.length - 1].after = gap;
      continue;
    }
    out.push({ surface: part, word: part.toLowerCase(), before: out.length === 0 ? '^' : gap, after: '$' });
    gap = '';
  }
  return out;
}

const leftOf = (input: Token[], position: number): string => (position > 0 ? input[position - 1].word : '^');
const rightOf = (input: Token[], position: number): string =>
  position + 1 < input.length ? input[position + 1].word : '$';

interface Delexicalised {
  key: string;
  parts: (string | number)[];
  /** Input position and capitalisation of each slot's word. */
  copies: { position: number; capitalised: boolean }[];
}

/**
 * The answer's template against its input: each non-form word found in the input is a slot at the
 * occurrence right after the previous slot's, if there is one (a copied phrase), else at the first.
 */
function delexicalise(answer: string, input: Token[], form: Set<string>): Delexicalised {
  const positions = new Map<string, number[]>();
  input.forEach((token, p) => {
    const list = positions.get(token.word);
    if (list) list.push(p);
    else positions.set(token.word, [p]);
  });
  const parts: (string | number)[] = [];
  const copies: Delexicalised['copies'] = [];
  let key = '';
  let previous = -2;
  for (const part of answer.match(wordOrGap) ?? []) {
    const word = part.toLowerCase();
    const found = isWord.test(part) && !form.has(word) ? positions.get(word) : undefined;
    if (found === undefined) {
      if (typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += part;
      else parts.push(part);
      key += part;
      continue;
    }
    const position = found.includes(previous + 1) ? previous + 1 : found[0];
    const first = part[0];
    const inputFirst = input[position].surface[0];
    copies.push({ position, capitalised: first !== inputFirst && first === first.toUpperCase() });
    parts.push(copies.length - 1);
    key += '\u0000';
    previous = position;
  }
  return { key, parts, copies };
}

const vote = (votes: Record<string, number>, word: string): void => {
  votes[word] = (votes[word] ?? 0) + 1;
};

/** The form words of a set of answers: those at least `formWordShare` of the answers contain. */
function formWords(answers: string[]): Set<string> {
  const documents = new Map<string, number>();
  for (const answer of answers)
    for (const word of new Set(tokens(answer).map((token) => token.word)))
      documents.set(word, (documents.get(word) ?? 0) + 1);
  return new Set([...documents].filter(([, n]) => n >= formWordShare * answers.length).map(([w]) => w));
}

/**
 * Learns the templates of (input, answer) pairs. Returns the `maxTemplates` most frequent (ties: first
 * seen) and, per row, the index of its template among them, or -1 for a row whose template was not kept.
 */
export function learnTemplates(
  inputs: string[],
  answers: string[],
): { templates: TemplateState[]; rowTemplate: number[] } {
  const form = formWords(answers);
  // Two passes over the rows, so that only the kept templates' rows are held delexicalised at once:
  // holding every row's tokens costs more in garbage collection than tokenising twice.
  const delexicaliseRow = (row: number): Delexicalised =>
    delexicalise(answers[row], tokens(inputs[row]), form);
  const keys = answers.map((_, i) => delexicaliseRow(i).key);
  const frequency = new Map<string, { rows: number; first: number }>();
  keys.forEach((key, i) => {
    const seen = frequency.get(key);
    if (seen) seen.rows++;
    else frequency.set(key, { rows: 1, first: i });
  });
  const kept = [...frequency]
    .sort((left, right) => right[1].rows - left[1].rows || left[1].first - right[1].first)
    .slice(0, maxTemplates);
  const index = new Map(kept.map(([key], i) => [key, i]));
  const templates: TemplateState[] = kept.map(([, { rows: count, first }]) => {
    const row = delexicaliseRow(first);
    return {
      parts: row.parts,
      slots: row.copies.map(() => ({
        left: {},
        right: {},
        before: {},
        after: {},
        word: {},
        follows: 0,
        capitalised: 0,
        count: 0,
      })),
      rows: count,
    };
  });
  const rowTemplate = keys.map((key, i) => {
    const t = index.get(key);
    if (t === undefined) return -1;
    const input = tokens(inputs[i]);
    const row = delexicalise(answers[i], input, form);
    row.copies.forEach((copy, s) => {
      const slot = templates[t].slots[s];
      vote(slot.left, leftOf(input, copy.position));
      vote(slot.right, rightOf(input, copy.position));
      vote(slot.before, input[copy.position].before);
      vote(slot.after, input[copy.position].after);
      vote(slot.word, input[copy.position].word);
      if (s > 0 && copy.position === row.copies[s - 1].position + 1) slot.follows++;
      if (copy.capitalised) slot.capitalised++;
      slot.count++;
    });
    return t;
  });
  return { templates, rowTemplate };
}

const share = (votes: Record<string, number>, word: string, count: number): number =>
  (votes[word] ?? 0) / count;

/**
 * The template's text for an input: each slot takes the input word whose left and right neighbours, the
 * punctuation around it, its own word and adjacency to the previous slot's word score highest by the shares the slot saw in training
 * (ties: the earliest word). A slot nothing in the input matches takes its most frequent training word.
 */
export function fillTemplate(template: TemplateState, inputText: string): string {
  const input = tokens(inputText);
  let previous = -2;
  const filled = template.slots.map((slot) => {
    let best = -1;
    let bestScore = 0;
    for (let p = 0; p < input.length; p++) {
      const score =
        share(slot.left, leftOf(input, p), slot.count) +
        share(slot.right, rightOf(input, p), slot.count) +
        share(slot.before, input[p].before, slot.count) +
        share(slot.after, input[p].after, slot.count) +
        share(slot.word, input[p].word, slot.count) +
        (p === previous + 1 ? slot.follows / slot.count : 0);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    previous = best;
    const word =
      best >= 0
        ? input[best].surface
        : Object.entries(slot.word).sort(
            (left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1),
          )[0][0];
    return slot.capitalised * 2 > slot.count ? word[0].toUpperCase() + word.slice(1) : word;
  });
  return template.parts.map((part) => (typeof part === 'number' ? filled[part] : part)).join('');
}
