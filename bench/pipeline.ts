import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLocally } from '../cli/local/run-locally';
import { writeExample } from '../examples/medical-specialty/generate';
import exampleConfig from '../examples/medical-specialty/pipeline.json';

/**
 * The whole example pipeline on the embedded emulator at several sizes: for each number of training rows
 * (eval rows a tenth of it, at least 150), a first run (tunes, generates every eval row with both models)
 * and a second run on the same state (reuses everything). The data are written by this process; each size
 * runs in a fresh process that does nothing but the two runs, so its peak RSS is what `bqtune run` costs.
 * Targets: 50,000 / 5,000 rows first run under 60 s and under 1 GiB.
 * Usage: node build/bench/pipeline.js [trainRows ...]   (default 500 5000 50000)
 */
const evalRowsFor = (trainRows: number): number => Math.max(150, Math.round(trainRows / 10));

/** A config and its data files in a new temporary folder. */
function prepare(trainRows: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-bench-'));
  const { $schema: _schema, ...config } = exampleConfig as typeof exampleConfig & { $schema?: string };
  writeExample(path.join(root, 'data'), { trainRows, evalRows: evalRowsFor(trainRows) });
  fs.writeFileSync(
    path.join(root, 'pipeline.json'),
    JSON.stringify({ ...config, data: { train: 'data/train.jsonl', eval: 'data/eval.jsonl' } }),
  );
  return root;
}

async function one(trainRows: number, root: string): Promise<void> {
  const evalRows = evalRowsFor(trainRows);
  const configFile = path.join(root, 'pipeline.json');
  const stateDir = path.join(root, 'state');
  for (const label of ['first run', 'second run']) {
    const started = process.hrtime.bigint();
    const { summary } = await runLocally({ configFile, stateDir });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const detail =
      summary.status === 'failed'
        ? `failed at ${summary.error?.step}: ${summary.error?.message.slice(0, 120)}`
        : `model invocations ${summary.modelInvocations}, tuned macro-F1 ${summary.tuned?.macroF1?.toFixed(3)}`;
    console.log(
      `${String(trainRows).padStart(6)} / ${String(evalRows).padEnd(5)} ${label.padEnd(10)} ` +
        `${seconds.toFixed(1).padStart(6)} s  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(5)} MiB  ` +
        `${summary.status}; ${detail}`,
    );
  }
  const bytes = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
      const p = path.join(dir, e.name);
      return sum + (e.isDirectory() ? bytes(p) : fs.statSync(p).size);
    }, 0);
  console.log(`${' '.repeat(14)} state folder after two runs: ${(bytes(stateDir) / 2 ** 20).toFixed(1)} MiB`);
}

function main(): void {
  if (process.argv[2] === '--one') {
    one(Number(process.argv[3]), process.argv[4]).catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
    return;
  }
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [500, 5000, 50000];
  console.log(`example pipeline, ${os.cpus().length} cores, ${process.version}: train / eval rows`);
  for (const size of sizes) {
    const root = prepare(size);
    try {
      const result = spawnSync(process.execPath, [__filename, '--one', String(size), root], {
        stdio: 'inherit',
      });
      if (result.status !== 0)
        console.log(`${String(size).padStart(6)} rows: the run exited ${result.status}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
}

main();
