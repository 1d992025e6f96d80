import { generationModels, parseEndpoint, retiredModels, tunableBaseModels } from '../../bigquery';

describe('endpoints', () => {
  test('the tunable bases are the four the tuning how-to lists', () => {
    expect([...tunableBaseModels]).toEqual([
      'gemini-2.5-pro',
      'gemini-2.5-flash-lite',
      'gemini-2.0-flash-001',
      'gemini-2.0-flash-lite-001',
    ]);
    for (const m of tunableBaseModels) expect(parseEndpoint(m, 'tuning', 'e')).toEqual({ model: m });
    for (const m of generationModels) expect(parseEndpoint(m, 'generation', 'e')).toEqual({ model: m });
  });

  test('gemini-2.5-flash is callable but not tunable', () => {
    expect(() => parseEndpoint('gemini-2.5-flash', 'tuning', 'args.base_endpoint')).toThrow(
      'args.base_endpoint: "gemini-2.5-flash" is not a tunable base model; expected one of gemini-2.5-pro, gemini-2.5-flash-lite, gemini-2.0-flash-001, gemini-2.0-flash-lite-001',
    );
  });

  test.each([
    ['text-bison', 'tuning', 'use gemini-2.0-flash-001 instead'],
    ['text-bison@002', 'generation', 'use gemini-2.5-flash instead'],
    ['text-bison-32k', 'tuning', 'PaLM 2 models were shut down'],
    ['chat-bison@001', 'generation', 'chat-bison@001 is retired'],
    ['text-unicorn@001', 'tuning', 'use gemini-2.5-pro instead'],
    ['gemini-pro', 'generation', 'Gemini 1.0 models are retired'],
    ['gemini-1.0-pro-002', 'tuning', 'use gemini-2.0-flash-001 instead'],
    ['gemini-1.5-pro-002', 'tuning', 'use gemini-2.5-pro instead'],
    ['gemini-1.5-flash-002', 'generation', 'use gemini-2.5-flash instead'],
  ] as const)('%s (%s) is retired: %s', (model, purpose, message) => {
    expect(() => parseEndpoint(model, purpose, 'endpoint')).toThrow(message);
  });

  test('every replacement is itself accepted for its purpose', () => {
    for (const r of retiredModels) {
      expect(parseEndpoint(r.forTuning, 'tuning', 'e').model).toBe(r.forTuning);
      expect(parseEndpoint(r.forGeneration, 'generation', 'e').model).toBe(r.forGeneration);
    }
  });

  test('full URLs: regional and global, checked like bare names', () => {
    const regional =
      'https://europe-west6-aiplatform.googleapis.com/v1/projects/p-123456/locations/europe-west6/publishers/google/models/gemini-2.5-pro';
    expect(parseEndpoint(regional, 'tuning', 'e')).toEqual({
      model: 'gemini-2.5-pro',
      location: 'europe-west6',
    });
    const global =
      'https://aiplatform.googleapis.com/v1beta1/projects/123456789/locations/global/publishers/google/models/gemini-2.5-flash';
    expect(parseEndpoint(global, 'generation', 'e')).toEqual({
      model: 'gemini-2.5-flash',
      location: 'global',
    });
    expect(() =>
      parseEndpoint(
        'https://us-central1-aiplatform.googleapis.com/v1/projects/my-proj/locations/us-central1/publishers/google/models/text-bison',
        'tuning',
        'endpoint',
      ),
    ).toThrow('endpoint: text-bison is retired');
    expect(() =>
      parseEndpoint(
        'https://us-central1-aiplatform.googleapis.com/v1/projects/my-proj/locations/europe-west4/publishers/google/models/gemini-2.5-pro',
        'tuning',
        'endpoint',
      ),
    ).toThrow('disagree');
    expect(() =>
      parseEndpoint(
        'https://evil.example.com/v1/projects/p/locations/us/publishers/google/models/gemini-2.5-pro',
        'tuning',
        'endpoint',
      ),
    ).toThrow('not a Vertex AI publisher model URL');
    expect(() =>
      parseEndpoint(
        'https://aiplatform.googleapis.com/v1/projects/Bad_Proj/locations/global/publishers/google/models/gemini-2.5-pro',
        'tuning',
        'endpoint',
      ),
    ).toThrow('Bad_Proj');
  });
});
