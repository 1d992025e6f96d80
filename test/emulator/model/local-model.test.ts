import { LocalModel } from '../../../emulator/model';
import { parsePrompt } from '../../../emulator/model/prompt';
import { classificationPrompt, syntheticLabels, syntheticRows } from './synthetic';

const accuracy = (model: LocalModel, rows: { input_text: string; output_text: string }[]): number =>
  rows.filter((row) => model.generate(classificationPrompt(row.input_text), 128).text === row.output_text)
    .length / rows.length;

describe('prompt parsing', () => {
  it('reads the candidate labels and the input after the list', () => {
    const parsed = parsePrompt('Classify among these labels [\'A b\', "C", D]. TRANSCRIPT: chest pain');
    expect(parsed.labels).toEqual(['A b', 'C', 'D']);
    expect(parsed.input).toBe('chest pain');
  });

  it('treats a prompt without a list as free text', () => {
    expect(parsePrompt('Summarise: it rained. Then it stopped.')).toEqual({
      labels: [],
      input: 'Summarise: it rained. Then it stopped.',
    });
  });
});

describe('local model', () => {
  const train = syntheticRows(200, 1);
  const heldOut = syntheticRows(100, 2);

  it('answers zero-shot with one of the labels in the prompt', () => {
    const base = LocalModel.base();
    for (const row of heldOut.slice(0, 10)) {
      expect(syntheticLabels).toContain(base.generate(classificationPrompt(row.input_text), 128).text);
    }
  });

  it('tunes an adapter that clearly beats the base model on held-out rows', () => {
    const base = LocalModel.base();
    const { model, report } = LocalModel.tune(
      train.map((row) => ({ prompt: classificationPrompt(row.input_text), label: row.output_text })),
      { maxIterations: 600, learningRateMultiplier: 1 },
    );
    expect(report.epochs).toBe(3);
    expect(report.epochLoss[2]).toBeLessThan(report.epochLoss[0]);
    const baseAccuracy = accuracy(base, heldOut);
    const tunedAccuracy = accuracy(model, heldOut);
    expect(tunedAccuracy).toBeGreaterThan(0.85);
    expect(tunedAccuracy - baseAccuracy).toBeGreaterThan(0.3);
  });

  it('is deterministic and survives serialisation', () => {
    const pairs = train
      .slice(0, 50)
      .map((row) => ({ prompt: classificationPrompt(row.input_text), label: row.output_text }));
    const first = LocalModel.tune(pairs, { maxIterations: 100, learningRateMultiplier: 1 }).model;
    const second = LocalModel.tune(pairs, { maxIterations: 100, learningRateMultiplier: 1 }).model;
    const restored = LocalModel.fromState(JSON.parse(JSON.stringify(first.toState())));
    expect(second.toState()).toEqual(first.toState());
    for (const row of heldOut.slice(0, 20)) {
      const prompt = classificationPrompt(row.input_text);
      expect(restored.generate(prompt, 128)).toEqual(first.generate(prompt, 128));
    }
  });

  it('answers free-text prompts: the base extracts, a tuned model returns the nearest training answer', () => {
    expect(LocalModel.base().generate('The knee hurts. It is swollen.', 128).text).toBe('The knee hurts.');
    expect(LocalModel.base().generate('one two three four', 2).text).toBe('one two');
    const { model } = LocalModel.tune(
      [
        { prompt: 'Q: fracture of the femur', label: 'see orthopedics' },
        { prompt: 'Q: rash and itching', label: 'see dermatology' },
      ],
      { maxIterations: 40, learningRateMultiplier: 1 },
    );
    expect(model.generate('Q: itching rash on the arm', 128).text).toBe('see dermatology');
  });
});
