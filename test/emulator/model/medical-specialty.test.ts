import config from '../../../examples/medical-specialty/pipeline.json';
import { generateExample } from '../../../examples/medical-specialty/generate';
import { LocalModel } from '../../../emulator/model';

/** The example the pipeline ships with: tuning must help for real, the way the walkthrough's tuning does. */
describe('local model on the medical-specialty example', () => {
  const { train, eval: heldOut } = generateExample({ seed: 7, trainRows: 500, evalRows: 150 });
  const prefix = config.task.promptTemplate.prefix;
  const accuracy = (model: LocalModel): number =>
    heldOut.filter((row) => model.generate(prefix + row.input_text, 64).text === row.output_text).length /
    heldOut.length;

  it('tuned with the example config beats the zero-shot base on the eval split', () => {
    const { model } = LocalModel.tune(
      train.map((row) => ({ prompt: prefix + row.input_text, label: row.output_text })),
      {
        maxIterations: config.model.tuning.maxIterations,
        learningRateMultiplier: config.model.tuning.learningRateMultiplier,
      },
    );
    const base = accuracy(LocalModel.base());
    const tuned = accuracy(model);
    expect(tuned).toBeGreaterThan(base + 0.15);
  });
});
