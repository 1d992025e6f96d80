import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { LocalModel } from '../emulator/model';
import clinicalConfig from '../examples/clinical-impression/pipeline.json';
import { generateExample as clinicalExample } from '../examples/clinical-impression/generate';
import medicalConfig from '../examples/medical-specialty/pipeline.json';
import { generateExample as medicalExample } from '../examples/medical-specialty/generate';

/**
 * Tuning the local model alone, as CREATE MODEL does, on each bundled example at a given number of
 * training rows with that example's tuning options: the classifier (medical-specialty) and the free-text
 * model (clinical-impression), each in a fresh process so its peak RSS is its own. Prints the tuning time,
 * the peak RSS of the process (data generation included) and the size of the model's state as stored.
 * The pipeline's envelope (bench/pipeline.ts): 50,000 rows, a whole first run under 60 s and 1 GiB.
 * Usage: node build/bench/local-model.js [trainRows ...]   (default 50000)
 */
const examples = {
  classification: () => ({
    rows: (n: number) => medicalExample({ trainRows: n, evalRows: 150 }).train,
    config: medicalConfig,
  }),
  generation: () => ({
    rows: (n: number) => clinicalExample({ trainRows: n, evalRows: 120 }).train,
    config: clinicalConfig,
  }),
};

function one(kind: keyof typeof examples, trainRows: number): void {
  const { rows, config } = examples[kind]();
  const prefix = config.task.promptTemplate.prefix;
  const pairs = rows(trainRows).map((row) => ({
    prompt: prefix + row.input_text,
    label: String(row.output_text),
  }));
  const started = process.hrtime.bigint();
  const { model, report } = LocalModel.tune(pairs, config.model.tuning);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const state = JSON.stringify(model.toState());
  const templates = model.toState().templates?.length;
  console.log(
    `${kind.padEnd(14)} ${String(trainRows).padStart(6)} rows  tune ${seconds.toFixed(1).padStart(5)} s  ` +
      `${report.steps} steps  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(5)} MiB  ` +
      `state ${(state.length / 2 ** 20).toFixed(1)} MiB${templates === undefined ? '' : `  ${templates} templates`}`,
  );
}

function main(): void {
  if (process.argv[2] === '--one') {
    one(process.argv[3] as keyof typeof examples, Number(process.argv[4]));
    return;
  }
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [50000];
  console.log(`local model tuning, ${os.cpus().length} cores, ${process.version}`);
  for (const size of sizes)
    for (const kind of Object.keys(examples)) {
      const result = spawnSync(process.execPath, [__filename, '--one', kind, String(size)], {
        stdio: 'inherit',
      });
      if (result.status !== 0) console.log(`${kind} ${size} rows: the run exited ${result.status}`);
    }
}

main();
