import { LowRankAdapter } from '../../../emulator/model/adapter';

const options = { maxIterations: 60, learningRateMultiplier: 1 };
const pair = (input: string, label: string) => ({ prompt: input, input, label });

/**
 * The stand-in model keys labels as the pipeline's SQL does (NFKC, lower case, dash variants, whitespace runs,
 * spaces around / and -): spellings the evaluation scores as one label are one class of the adapter.
 */
describe('the local model keys labels by the pipeline’s normalisation', () => {
  const pairs = [
    pair('chest pain radiating to the left arm', 'Internal Medicine'),
    pair('fever and cough for three days', 'internal\u00a0medicine'),
    pair('fatigue and weight loss', '\tINTERNAL  Medicine '),
    pair('shortness of breath on exertion', 'Cardiovascular / Pulmonary'),
    pair('wheezing and palpitations', 'cardiovascular/pulmonary'),
    pair('a rash on both forearms', 'Dermatology'),
  ];
  const { adapter } = LowRankAdapter.train(pairs, options);

  test('spellings that differ by case, no-break space, tabs or spacing around / are one class', () => {
    // Its first spelling, trimmed, names each class.
    expect(adapter.labels).toEqual(['Internal Medicine', 'Cardiovascular / Pulmonary', 'Dermatology']);
  });

  test('a candidate spelt another way scores as the trained class, and an untrained one does not', () => {
    const input = 'fever and fatigue';
    const [plain, spaced, tabbed, untrained] = adapter.score(input, [
      'Internal Medicine',
      'INTERNAL\u00a0MEDICINE',
      'internal\t\tmedicine',
      'Internal Medicine Residency',
    ]);
    expect(spaced.logit).toBe(plain.logit);
    expect(tabbed.logit).toBe(plain.logit);
    expect(untrained.logit).not.toBe(plain.logit);
    expect([spaced.label, tabbed.label]).toEqual(['INTERNAL\u00a0MEDICINE', 'internal\t\tmedicine']);
  });
});
