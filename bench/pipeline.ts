import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLocally } from '../cli/local/run-locally';
import { writeExample } from '../examples/medical-specialty/generate';
import exampleConfig from '../examples/medical-specialty/pipeline.json';

/**
 * The whole example pipeline on the embedded emulator: wall time and peak memory of a first run (tunes,
 * generates every eval row with both models) and of a second run on the same state (reuses everything),
 * and the model invocations of each against the minimum (each eval row once per model, plus retries).
 * Usage: node build/bench/pipeline.js [evalRows] [trainRows]
 */
async function main(): Promise<void> {
  const evalRows = Number(process.argv[2] ?? 150);
  const trainRows = Number(process.argv[3] ?? 500);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-bench-'));
  const { $schema: _schema, ...config } = exampleConfig as typeof exampleConfig & { $schema?: string };
  writeExample(path.join(root, 'data'), { trainRows, evalRows });
  const configFile = path.join(root, 'pipeline.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({ ...config, data: { train: 'data/train.jsonl', eval: 'data/eval.jsonl' } }),
  );
  const stateDir = path.join(root, 'state');

  console.log(`example pipeline: ${trainRows} train rows, ${evalRows} eval rows, ${os.cpus().length} cores`);
  for (const label of ['first run (tunes)', 'second run (reuses)']) {
    const started = process.hrtime.bigint();
    const { summary } = await runLocally({ configFile, stateDir });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const minimum = label.startsWith('first') ? 2 * evalRows : 0;
    console.log(
      `${label.padEnd(20)} ${seconds.toFixed(2)} s wall, status ${summary.status}, ` +
        `model invocations ${summary.modelInvocations} (minimum ${minimum}), ` +
        `tuned macro-F1 ${summary.tuned?.macroF1.toFixed(3)} vs baseline ${summary.baseline?.macroF1.toFixed(3)}`,
    );
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  fs.rmSync(root, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
