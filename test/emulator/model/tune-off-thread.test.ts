import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../support/bin';

/*
 * The compiled build tunes on a worker thread (the TypeScript sources under jest have no worker script):
 * run it in a child process and check that the event loop turned while the model tuned, where the same
 * tuning on the main thread lets it turn not once, and that both give the same model.
 */
test('tuning off the main thread leaves the event loop free and gives the model tuning on it gives', () => {
  const model = path.join(repoRoot, 'build', 'emulator', 'model', 'index.js');
  const script = `
    const { LocalModel, tuneOffThread } = require(${JSON.stringify(model)});
    const labels = ['Cardiology', 'Dermatology', 'Neurology', 'Urology', 'Radiology'];
    const pairs = Array.from({ length: 600 }, (_, i) => ({
      prompt: 'Assign one of [' + labels.join(', ') + ']. TRANSCRIPT: patient ' + i + ' seen for ' +
        labels[i % 5].toLowerCase() + ' complaint number ' + (i % 37),
      label: labels[i % 5],
    }));
    const options = { maxIterations: 6000, learningRateMultiplier: 1 };
    const ticking = () => { let ticks = 0, on = true; const tick = () => { if (on) { ticks++; setImmediate(tick); } };
      setImmediate(tick); return () => { on = false; return ticks; }; };
    const stopInThread = ticking();
    const inThread = LocalModel.tune(pairs, options);
    const ticksInThread = stopInThread();
    const stopOff = ticking();
    tuneOffThread(pairs, options).then((off) => {
      const ticksOff = stopOff();
      process.stdout.write(JSON.stringify({
        ticksInThread, ticksOff,
        same: JSON.stringify(off.model.toState()) === JSON.stringify(inThread.model.toState()),
        sameReport: JSON.stringify(off.report) === JSON.stringify(inThread.report),
        steps: off.report.steps,
      }));
      return tuneOffThread([], options).catch((e) => process.stdout.write('\\n' + e.message));
    });`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  const [json, error] = out.stdout.split('\n');
  const result = JSON.parse(json);
  // An error in the worker rejects with its message.
  expect(error).toBe('tuning needs at least one training row');
  expect(result).toMatchObject({ ticksInThread: 0, same: true, sameReport: true, steps: 6000 });
  expect(result.ticksOff).toBeGreaterThan(0);
});
