import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../support/bin';

/** The pull-request workflow's decision scripts, run as the runner runs them, with a stand-in `pulumi`. */
const scripts = path.join(repoRoot, '.github', 'scripts');

interface ScriptRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
}

function runScript(name: string, env: Record<string, string>, pulumiStacks?: string[]): ScriptRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-pr-'));
  const outputFile = path.join(dir, 'output');
  fs.writeFileSync(outputFile, '');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  if (pulumiStacks !== undefined) {
    const listing = JSON.stringify(pulumiStacks.map((name) => ({ name, current: false })));
    fs.writeFileSync(
      path.join(bin, 'pulumi'),
      `#!/bin/sh\n[ "$1 $2 $3" = "stack ls --json" ] || exit 9\necho '${listing}'\n`,
      { mode: 0o755 },
    );
  }
  const result = spawnSync('bash', [path.join(scripts, name)], {
    env: { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: outputFile, ...env },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('=') as [string, string]),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, outputs };
}

const secrets = {
  GCP_WORKLOAD_IDENTITY_PROVIDER: 'projects/1/locations/global/workloadIdentityPools/p/providers/gh',
  GCP_PREVIEW_SERVICE_ACCOUNT: 'preview@p.iam.gserviceaccount.com',
  PULUMI_ACCESS_TOKEN: 'pul-token',
};

describe('preview gate', () => {
  test('a pull request from a fork skips the preview with a notice and succeeds', () => {
    const run = runScript('preview-gate.sh', { STACK: 'dev', FORK: 'true' });
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ run: 'false' });
    expect(run.stdout).toMatch(/^::notice title=pulumi preview \(dev\) skipped::Pull requests from forks/);
  });

  test('missing secrets are named in the notice', () => {
    const run = runScript('preview-gate.sh', {
      STACK: 'prod',
      FORK: 'false',
      GCP_WORKLOAD_IDENTITY_PROVIDER: secrets.GCP_WORKLOAD_IDENTITY_PROVIDER,
    });
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ run: 'false' });
    expect(run.stdout).toContain(
      'The repository secrets GCP_PREVIEW_SERVICE_ACCOUNT PULUMI_ACCESS_TOKEN or PULUMI_BACKEND_URL are not set',
    );
  });

  test('a self-managed backend stands in for the Pulumi Cloud token', () => {
    const { PULUMI_ACCESS_TOKEN: _token, ...rest } = secrets;
    const run = runScript('preview-gate.sh', {
      STACK: 'dev',
      FORK: 'false',
      ...rest,
      PULUMI_BACKEND_URL: 'gs://s',
    });
    expect(run.outputs).toEqual({ run: 'true' });
    expect(run.stdout).toBe('');
  });

  test('a pull request from the repository with every secret runs the preview', () => {
    expect(runScript('preview-gate.sh', { STACK: 'dev', FORK: 'false', ...secrets }).outputs).toEqual({
      run: 'true',
    });
  });
});

describe('stack existence', () => {
  test('a stack that does not exist yet is skipped with a notice naming how to create it', () => {
    const run = runScript('stack-exists.sh', { STACK: 'prod' }, ['dev']);
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ exists: 'false' });
    expect(run.stdout).toContain(
      'The stack prod does not exist yet. Create it with `pulumi stack init prod`',
    );
  });

  test('an existing stack, short or fully qualified, is previewed', () => {
    expect(runScript('stack-exists.sh', { STACK: 'dev' }, ['dev']).outputs).toEqual({ exists: 'true' });
    expect(runScript('stack-exists.sh', { STACK: 'prod' }, ['acme/bqtune/prod']).outputs).toEqual({
      exists: 'true',
    });
    expect(runScript('stack-exists.sh', { STACK: 'prod' }, ['acme/bqtune/preprod']).outputs).toEqual({
      exists: 'false',
    });
  });
});

describe('the workflow file', () => {
  const workflow = parse(
    fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'pull-request.yml'), 'utf8'),
  ) as { jobs: Record<string, { steps: { id?: string; if?: string; uses?: string; run?: string }[] }> };

  test('is linted by actionlint in its own job', () => {
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses ?? ''));
    expect(uses.some((u) => u.startsWith('docker://rhysd/actionlint:'))).toBe(true);
  });

  test('every cloud step of the preview waits for the gate, and the preview for the stack check', () => {
    const steps = workflow.jobs.preview.steps;
    const gate = steps.findIndex((s) => s.id === 'gate');
    expect(steps[gate].run).toBe('.github/scripts/preview-gate.sh');
    for (const step of steps.slice(gate + 1)) expect(step.if).toMatch(/^steps\.(gate|stack)\.outputs\./);
    const preview = steps.find((s) => s.uses?.startsWith('pulumi/actions') && s.if?.includes('stack'));
    expect(preview?.if).toBe("steps.stack.outputs.exists == 'true'");
  });
});
