import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countPromptTokens } from '../../../cli/authoring/prompt-tokens';
import { createTokenCounter } from '../../../bigquery/token-count';
import { readExampleFile, type ExampleFile } from '../../../cli/local/data-files';

/** A tokenizer whose tokens are the prompt's words, so every count is known by hand. */
const words = createTokenCounter(() => ({ encode: (text: string) => text.split(' ').map((_, i) => i) }));
const estimate = createTokenCounter(() => undefined);

const file = (name: string, inputs: unknown[]): ExampleFile => ({
  file: name,
  lines: inputs.map((input, i) => ({ line: i + 1, input, output: 'x' })),
});

const config = (baseEndpoint: string) => ({
  task: {
    type: 'classification' as const,
    labels: ['a', 'b'],
    promptTemplate: { prefix: 'Pick [a, b]: ', suffix: ' now' },
  },
  model: { baseEndpoint } as never,
});

describe('countPromptTokens', () => {
  // Prompts are prefix + input + suffix: "Pick [a, b]: " is 4 words with the input's first word, " now" one more.
  const train = file('train.jsonl', ['one', 'one two three four five six']);
  const evalSet = file('eval.jsonl', [null, 'one two']);

  test('each prompt above the limit is listed with its file and line; rows without input are skipped', () => {
    const report = countPromptTokens(config('gemini-2.5-flash'), [train, evalSet], 7, words);
    // "Pick [a, b]: one now" = 5 words; "... one two three four five six now" = 10; "... one two now" = 6.
    expect(report.overLimit).toEqual([
      { file: 'train.jsonl', line: 2, tokens: 10, label: '10 tokens > limit 7' },
    ]);
    expect(report).toMatchObject({
      limit: 7,
      limitSource: 'option',
      method: 'tokenizer',
      prompts: 3,
      largest: '10 tokens',
    });
  });

  test('the documented limit of the base model is used when none is given', () => {
    const report = countPromptTokens(config('gemini-2.5-flash'), [train], undefined, words);
    expect(report).toMatchObject({ limit: 1048576, limitSource: 'catalog', overLimit: [] });
  });

  test('a model without a documented limit is counted but compared with nothing', () => {
    const report = countPromptTokens(config('my-own-model'), [train], undefined, words);
    expect(report.limit).toBeUndefined();
    // No offline tokenizer for a model outside Gemini 2.x/3: the estimate, 44 characters / 4.
    expect(report.largest).toBe('~11 tokens (estimate: 4 characters a token)');
    expect(report.overLimit).toEqual([]);
  });

  test('estimates say so', () => {
    // "Pick [a, b]: one two three four five six now" is 44 characters: ceil(44 / 4) = 11.
    const report = countPromptTokens(config('gemini-3.5-flash'), [train], 10, estimate);
    expect(report.method).toBe('estimate');
    expect(report.overLimit).toEqual([
      {
        file: 'train.jsonl',
        line: 2,
        tokens: 11,
        label: '~11 tokens (estimate: 4 characters a token) > limit 10',
      },
    ]);
  });
});

describe('countPromptTokens on a CRLF file at the limit', () => {
  test('a prompt of exactly the limit fits, one character more is over; CRLF and blank lines keep line numbers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crlf-'));
    try {
      // Prompt = "Pick [a, b]: " (13) + input + " now" (4). Limit 10 estimate tokens = 40 characters.
      const atLimit = 'x'.repeat(40 - 17);
      const overLimit = 'x'.repeat(40 - 17 + 1);
      const rows = [atLimit, overLimit].map((input) =>
        JSON.stringify({ input_text: input, output_text: 'a' }),
      );
      const name = path.join(dir, 'train.jsonl');
      fs.writeFileSync(name, `${rows[0]}\r\n\r\n${rows[1]}\r\n`);
      const read = readExampleFile(name);
      expect(read.lines.map((l) => [l.line, l.input])).toEqual([
        [1, atLimit],
        [3, overLimit],
      ]);
      const report = countPromptTokens(config('gemini-3.5-flash'), [read], 10, estimate);
      // ceil(40 / 4) = 10 <= 10 fits; ceil(41 / 4) = 11 > 10.
      expect(report.overLimit).toEqual([
        { file: name, line: 3, tokens: 11, label: '~11 tokens (estimate: 4 characters a token) > limit 10' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
