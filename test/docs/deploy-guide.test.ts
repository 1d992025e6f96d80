import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { repoRoot } from '../support/bin';
import { requiredApis } from '../../infra/apis';
import { roleTable } from '../../infra/role-table';

/**
 * Walks docs/deploy-to-gcp.md: every `sh` block, in order, in one bash session with `set -euo pipefail`,
 * starting from a git clone of this repository. `gcloud`, `pulumi` and `bq` are recording stand-ins on
 * PATH; Google's Workflows Executions API is a recording HTTP stand-in (the guide's `bqtune trigger` gets
 * `--endpoint` pointing at it, the one edit made to a guide command). `npm ci` links the already-installed
 * node_modules (the test first checks the clone's lockfile is the same) and `npm run build` copies the
 * already-built tree, so the walk takes seconds; every other npm command runs for real.
 */
const guide = path.join(repoRoot, 'docs', 'deploy-to-gcp.md');
const markdown = fs.readFileSync(guide, 'utf8');

function shellBlocks(text: string): string[] {
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

const project = 'my-project';
const outputs = {
  project,
  location: 'US',
  region: 'us-central1',
  workflowName: 'bqtune-dev-tune-and-evaluate',
  workflowServiceAccount: `bqtune-dev-pipeline@${project}.iam.gserviceaccount.com`,
  dataset: 'bqtune_dev',
  baselineModel: `${project}.bqtune_dev.base_model`,
  connection: `${project}.US.bqtune_dev_vertex`,
  connectionServiceAccount: 'bqcx-1-abcd@gcp-sa-bigquery-condel.iam.gserviceaccount.com',
  bucket: `${project}-bqtune-dev-data`,
};

/** The stand-ins: each records its arguments; pulumi answers stack outputs only after `pulumi up`. */
function writeStandIns(bin: string, realNpm: string): void {
  const stand = (name: string, body: string) =>
    fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >>"$CALLS"\n${body}\n`, {
      mode: 0o755,
    });
  stand(
    'gcloud',
    `if [ "$1 $2" = "storage cp" ] && [ "\${3#gs://}" = "$3" ] && [ ! -f "$3" ]; then
  echo "gcloud stand-in: $3 does not exist" >&2; exit 1
fi`,
  );
  stand('bq', '');
  stand(
    'pulumi',
    `if [ "$1 $2" = "stack output" ]; then
  grep -q '^pulumi up' "$CALLS" || { echo "pulumi stand-in: no outputs before pulumi up" >&2; exit 1; }
  if [ "$3" = "--json" ]; then cat "$OUTPUTS"; else jq -r --arg k "$3" '.[$k]' "$OUTPUTS"; fi
fi`,
  );
  stand(
    'npm',
    `case "$*" in
  ci) cmp -s package-lock.json "$SOURCE/package-lock.json" || { echo "npm stand-in: lockfile differs" >&2; exit 1; }
      ln -s "$SOURCE/node_modules" node_modules; exit 0 ;;
  "ci --prefix policy") [ -f policy/package-lock.json ] || { echo "npm stand-in: no policy lockfile" >&2; exit 1; }; exit 0 ;;
  "run build") cp -R "$SOURCE/build" build; exit 0 ;;
esac
exec "${realNpm}" "$@"`,
  );
}

interface Walk {
  status: number | null;
  stderr: string;
  calls: string[];
  executions: { url: string; body: { argument: string } }[];
  clone: string;
}

async function walkGuide(): Promise<Walk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-guide-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const realNpm = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  writeStandIns(bin, realNpm);
  fs.writeFileSync(path.join(dir, 'outputs.json'), JSON.stringify(outputs));
  fs.writeFileSync(path.join(dir, 'calls'), '');

  const executions: Walk['executions'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      executions.push({ url: req.url ?? '', body: JSON.parse(body || '{}') as { argument: string } });
      const name = `${(req.url ?? '').split('?')[0].replace(/^\/v1\//, '')}/exec-1`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name, state: 'ACTIVE', startTime: new Date().toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The stand-in for Google is reached like a local Executions API, which needs its owner-only token file.
  const tokenDir = path.join(dir, 'stand-in-state');
  fs.mkdirSync(tokenDir);
  fs.writeFileSync(path.join(tokenDir, 'emulator-token'), 'ab'.repeat(32), { mode: 0o600 });

  const commands = shellBlocks(markdown)
    .join('\n')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^git clone \S+ /, `git clone ${JSON.stringify(repoRoot)} `))
    .map((line) =>
      /bqtune -- trigger /.test(line) ? `${line} --endpoint ${endpoint} --state-dir ${tokenDir}` : line,
    )
    .join('\n');
  const script = `set -euo pipefail\ncd ${JSON.stringify(dir)}\n${commands}\n`;
  const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], {
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        CALLS: path.join(dir, 'calls'),
        OUTPUTS: path.join(dir, 'outputs.json'),
        SOURCE: repoRoot,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
  server.close();
  const calls = fs.readFileSync(path.join(dir, 'calls'), 'utf8').split('\n').filter(Boolean);
  return { ...result, calls, executions, clone: path.join(dir, 'bqtune') };
}

let walk: Walk;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, 'build', 'cli', 'main.js'))) {
    throw new Error('build/ is missing: run `npm run build` first (npm test does)');
  }
  walk = await walkGuide();
}, 120_000);

afterAll(() => fs.rmSync(path.dirname(walk.clone), { recursive: true, force: true }));

test('every command of the guide runs from a fresh clone and exits 0', () => {
  expect(walk.stderr).not.toMatch(/stand-in:/);
  expect(walk.status).toBe(0);
});

test("the stack is created for the user's own project and deployed with the policy pack", () => {
  expect(walk.calls).toEqual(
    expect.arrayContaining([
      'gcloud auth application-default set-quota-project my-project',
      'pulumi stack init dev',
      'pulumi config set gcp:project my-project',
      'pulumi up --yes --policy-pack policy',
    ]),
  );
});

test('the uploaded files are produced by a documented command before they are uploaded', () => {
  const uploads = walk.calls.filter((c) => c.startsWith('gcloud storage cp '));
  expect(uploads).toEqual([
    `gcloud storage cp examples/medical-specialty/data/eval.jsonl gs://${outputs.bucket}/eval/eval.jsonl`,
    `gcloud storage cp examples/medical-specialty/data/train.jsonl gs://${outputs.bucket}/training/train.jsonl`,
  ]);
  const train = fs.readFileSync(path.join(walk.clone, 'examples/medical-specialty/data/train.jsonl'), 'utf8');
  expect(train.split('\n').filter(Boolean).length).toBeGreaterThan(100);
});

test("bqtune trigger starts an execution of the stack's workflow with complete run arguments", () => {
  expect(walk.executions).toHaveLength(1);
  const [execution] = walk.executions;
  expect(execution.url.split('?')[0]).toBe(
    `/v1/projects/${project}/locations/us-central1/workflows/bqtune-dev-tune-and-evaluate/executions`,
  );
  expect(JSON.parse(execution.body.argument)).toMatchObject({
    project,
    location: 'US',
    dataset: 'bqtune_dev',
    connection: outputs.connection,
    data: {
      train: `gs://${outputs.bucket}/training/train.jsonl`,
      eval: `gs://${outputs.bucket}/eval/eval.jsonl`,
    },
  });
});

test('the gcloud route starts the same workflow with the run arguments file it wrote', () => {
  const execute = walk.calls.find((c) => c.startsWith('gcloud workflows execute '));
  expect(execute).toMatch(
    /^gcloud workflows execute bqtune-dev-tune-and-evaluate --location=us-central1 --data=\{/,
  );
  const written = JSON.parse(fs.readFileSync(path.join(walk.clone, 'run-arguments.json'), 'utf8')) as object;
  expect(written).toMatchObject({
    runId: 'first_run',
    project,
    data: { eval: `gs://${outputs.bucket}/eval/eval.jsonl` },
  });
});

test("the role table of the guide is the stack's, row for row", () => {
  const rows = markdown.split('\n').filter((l) => /^\| .*`roles\//.test(l));
  expect(rows).toHaveLength(roleTable.length);
  roleTable.forEach((grant, i) => {
    expect(rows[i]).toContain(`\`${grant.role}\``);
    expect(rows[i]).toContain(grant.page);
    expect(rows[i]).toContain(grant.breaksWithout);
  });
});

test('the API table of the guide lists every API the stack can enable, with its page', () => {
  const rows = markdown.split('\n').filter((l) => /^\| `[a-z]+\.googleapis\.com`/.test(l));
  const apis = requiredApis({ schedule: {} as never, eventTrigger: {} as never });
  expect(rows).toHaveLength(apis.length);
  apis.forEach((api, i) => {
    expect(rows[i]).toContain(`\`${api.service}\``);
    expect(rows[i]).toContain(api.page);
  });
});
