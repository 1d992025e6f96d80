import {
  confirmed,
  defaultBaseEndpoint,
  defaultGenerationEndpoint,
  generationModels,
  modelCatalog,
  parseEndpoint,
  retiredModels,
  tunableBaseModels,
} from '../../bigquery';

describe('endpoints', () => {
  test('the accepted models are the catalog models BigQuery confirmedly tunes or generates with', () => {
    expect(tunableBaseModels).toEqual(
      modelCatalog.filter((e) => confirmed(e.bigqueryTuning) === true).map((e) => e.model),
    );
    expect(generationModels).toEqual(
      modelCatalog.filter((e) => confirmed(e.bigqueryGeneration) === true).map((e) => e.model),
    );
    expect(tunableBaseModels.length).toBeGreaterThan(0);
    for (const m of tunableBaseModels) expect(parseEndpoint(m, 'tuning', 'e')).toEqual({ model: m });
    for (const m of generationModels) expect(parseEndpoint(m, 'generation', 'e')).toEqual({ model: m });
  });

  test('a model BigQuery generates with but does not tune is refused for tuning, naming the choices', () => {
    const generationOnly = generationModels.find((m) => !tunableBaseModels.includes(m));
    expect(generationOnly).toBeDefined();
    expect(() => parseEndpoint(generationOnly!, 'tuning', 'args.base_endpoint')).toThrow(
      `args.base_endpoint: "${generationOnly}" is not a tunable base model; expected one of ${tunableBaseModels.join(', ')}`,
    );
  });

  test.each([
    ['text-bison', 'tuning', 'PaLM 2 models were shut down'],
    ['text-bison@002', 'generation', 'text-bison@002 is retired'],
    ['text-bison-32k', 'tuning', 'PaLM 2 models were shut down'],
    ['chat-bison@001', 'generation', 'chat-bison@001 is retired'],
    ['text-unicorn@001', 'tuning', 'text-unicorn@001 is retired'],
    ['gemini-pro', 'generation', 'Gemini 1.0 models were shut down'],
    ['gemini-1.0-pro-002', 'tuning', 'Gemini 1.0 models were shut down'],
    ['gemini-1.5-pro-002', 'tuning', 'Gemini 1.5 models are retired'],
    ['gemini-1.5-flash-002', 'generation', 'Gemini 1.5 models are retired'],
  ] as const)('%s (%s) is retired: %s', (model, purpose, message) => {
    expect(() => parseEndpoint(model, purpose, 'endpoint')).toThrow(message);
    const instead = purpose === 'tuning' ? defaultBaseEndpoint : defaultGenerationEndpoint;
    expect(() => parseEndpoint(model, purpose, 'endpoint')).toThrow(`use ${instead} instead`);
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
