import { parentPort, workerData } from 'node:worker_threads';
import type { TrainingOptions } from './adapter';
import { LocalModel } from './local-model';

/** The worker side of `tuneOffThread`: tunes, then posts the model's state and the training report. */
const { pairs, options } = workerData as {
  pairs: { prompt: string; label: string }[];
  options: TrainingOptions;
};
const { model, report } = LocalModel.tune(pairs, options);
parentPort?.postMessage({ state: model.toState(), report });
