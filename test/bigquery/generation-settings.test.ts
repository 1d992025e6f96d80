import {
  evaluate,
  generatePredictions,
  placeholder,
  servePredictions,
  servingFunctionDdl,
  type GenerationSettings,
} from '../../bigquery';

/* Every builder that takes generation settings checks them against the same ranges and names itself. */

const ds = { project: 'my-proj', dataset: 'bqtune' };
const builders: [string, (settings: GenerationSettings) => unknown][] = [
  [
    'generatePredictions',
    (settings) =>
      generatePredictions({
        function: 'AI.GENERATE_TEXT',
        model: { ...ds, model: 'm' },
        prompts: { ...ds, table: 'p' },
        predictions: { ...ds, table: 'predictions' },
        runId: 'r',
        evalFingerprint: 'f',
        mode: 'all',
        settings,
      }),
  ],
  [
    'servingFunctionDdl',
    (settings) =>
      servingFunctionDdl({
        name: { ...ds, table: 'medical_specialty' },
        model: { ...ds, model: 'm' },
        runs: { ...ds, table: 'runs' },
        champions: { champions: { ...ds, table: 'champions' }, registry: { ...ds, table: 'model_registry' } },
        championRun: placeholder('champion_run', 'runId'),
        settings,
      }),
  ],
  [
    'servePredictions',
    (settings) =>
      servePredictions({
        function: 'ML.GENERATE_TEXT',
        model: { ...ds, model: 'm' },
        prompts: { ...ds, table: 'pending' },
        served: { ...ds, table: 'served_predictions' },
        mode: 'retryable',
        settings,
      }),
  ],
  [
    'evaluate',
    (settings) => evaluate({ model: { ...ds, model: 'm' }, taskType: 'CLASSIFICATION', settings }),
  ],
];

describe.each(builders)('%s', (builder, build) => {
  test.each([
    [{ maxOutputTokens: 0 }, 'settings.maxOutputTokens: 0 must be an integer in [1, 8192]'],
    [{ maxOutputTokens: 8193 }, 'settings.maxOutputTokens: 8193 must be an integer in [1, 8192]'],
    [{ maxOutputTokens: 1.5 }, 'settings.maxOutputTokens: 1.5 must be an integer in [1, 8192]'],
    [{ temperature: 1.01 }, 'settings.temperature: 1.01 must be a number in [0.0, 1.0]'],
    [{ topP: -0.1 }, 'settings.topP: -0.1 must be a number in [0.0, 1.0]'],
    [
      { temperature: placeholder('t', 'positiveInteger') },
      'settings.temperature: placeholder {{t}} is a positiveInteger, expected unitInterval',
    ],
  ])('refuses %j naming itself and the field', (settings, message) => {
    expect(() => build(settings as GenerationSettings)).toThrow(`${builder}.${message}`);
  });

  test('accepts the ends of each range', () => {
    expect(() => build({ maxOutputTokens: 8192, temperature: 0, topP: 1 })).not.toThrow();
    expect(() => build({ maxOutputTokens: 1, temperature: 1, topP: 0 })).not.toThrow();
  });
});
