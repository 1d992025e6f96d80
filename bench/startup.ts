import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Start-up of the CLI next to bare Node, measured side by side (interleaved, so machine load hits each
 * alike): `node -e 0`, `bqtune --help` and `bqtune workflow run` of a tiny workflow. Prints the median
 * wall time of each and its ratio to `node -e 0` (the target is at most 2.5×). Then what a local run pays
 * before its first step, each in a fresh process: reading the pipeline from its parsed form (what runs do)
 * against parsing its YAML, and validating the example config with the precompiled validators (what the CLI
 * does) against compiling the schemas with ajv first.
 * Usage: node build/bench/startup.js [rounds]
 */
const rounds = Number(process.argv[2] ?? 15);
const bin = path.join(__dirname, '..', 'cli', 'main.js');
const root = path.join(__dirname, '..', '..');
const build = path.join(__dirname, '..');
const script = (code: string): string[] => ['-e', code];
const readPipeline = (file: string) =>
  script(
    `const fs = require('fs'); const { parseWorkflowSource } = require(${JSON.stringify(path.join(build, 'emulator', 'workflows'))});` +
      `const text = fs.readFileSync(${JSON.stringify(path.join(root, 'workflows', 'dist', file))}, 'utf8');` +
      `if (!parseWorkflowSource(text, { fileName: ${JSON.stringify(file)} }).program) process.exit(1);`,
  );
const config = JSON.stringify(path.join(root, 'examples', 'medical-specialty', 'pipeline.json'));
const cases: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['bqtune --help', [bin, '--help']],
  [
    'bqtune workflow run (tiny)',
    [bin, 'workflow', 'run', 'examples/workflows/word-count.yaml', '--data', '{"text": "a b a"}'],
  ],
  ['pipeline from its parsed form', readPipeline('tune-and-evaluate.json')],
  ['pipeline from its YAML', readPipeline('tune-and-evaluate.yaml')],
  [
    'config, precompiled validator',
    script(
      `require(${JSON.stringify(path.join(build, 'schemas', 'validate'))}).validatePipelineConfig(require(${config}));`,
    ),
  ],
  [
    'config, ajv compiling schemas',
    script(
      `const Ajv = require('ajv/dist/2020').default; const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strictRequired: false, strictTypes: false });` +
        `require('ajv-formats').default(ajv, ['date-time']);` +
        `for (const d of require(${JSON.stringify(path.join(build, 'schemas', 'documents'))}).schemaDocuments) ajv.addSchema(d.schema);` +
        `if (!ajv.getSchema('pipeline-config.schema.json')(require(${config}))) process.exit(1);`,
    ),
  ],
];

const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of cases) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    times.get(name)?.push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('node -e 0') ?? []);
console.log(`start-up, median of ${rounds} interleaved rounds (${process.version})`);
for (const [name] of cases) {
  const m = median(times.get(name) ?? []);
  console.log(`${name.padEnd(30)} ${m.toFixed(0).padStart(5)} ms  ${(m / base).toFixed(2)}× node -e 0`);
}
