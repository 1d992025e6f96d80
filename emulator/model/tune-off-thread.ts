import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainingOptions, TrainingReport } from './adapter';
import { LocalModel, type ModelState } from './local-model';

/**
 * `LocalModel.tune` on a worker thread, so the event loop stays free while a model tunes: the pipeline's
 * baseline evaluation, a parallel branch in the DAG, runs meanwhile instead of waiting behind it. The
 * model comes back through its state (float32 weights, exact), the same path the model catalog stores
 * it by. Running from the TypeScript sources (tests), there is no compiled worker script to start, and
 * the same computation runs on this thread.
 * Rejects with the worker's error if tuning throws.
 */
export function tuneOffThread(
  pairs: { prompt: string; label: string }[],
  options: TrainingOptions,
): Promise<{ model: LocalModel; report: TrainingReport }> {
  const script = path.join(__dirname, 'tune-worker.js');
  if (!fs.existsSync(script)) return Promise.resolve(LocalModel.tune(pairs, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { pairs, options } });
    worker.once('message', (message: { state: ModelState; report: TrainingReport }) =>
      resolve({ model: LocalModel.fromState(message.state), report: message.report }),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the tuning worker exited with code ${code}`));
    });
  });
}
