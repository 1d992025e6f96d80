import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The outputs infra/index.ts exports; `bqtune trigger`, `runs` and `champion` read these. */
export const stackOutputNames = [
  'project',
  'location',
  'region',
  'workflowName',
  'workflowServiceAccount',
  'predictWorkflowName',
  'predictServiceAccount',
  'dataset',
  'baselineModel',
  'connection',
  'connectionServiceAccount',
  'bucket',
] as const;

export type StackOutputs = Partial<Record<(typeof stackOutputNames)[number], string>>;

/** Keeps the known outputs that are strings; `source` names the file or stack in errors. */
export function parseStackOutputs(text: string, source: string): StackOutputs {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON (expected the output of \`pulumi stack output --json\`)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${source} must be a JSON object of stack outputs`);
  }
  const outputs: StackOutputs = {};
  for (const name of stackOutputNames) {
    const value = (parsed as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Error(`${source}: output ${name} must be a string`);
    outputs[name] = value;
  }
  return outputs;
}

/** `pulumi stack output --json --stack NAME`, run in the project folder (where Pulumi.yaml is). */
export function readPulumiStackOutputs(stack: string): StackOutputs {
  let text: string;
  try {
    text = execFileSync('pulumi', ['stack', 'output', '--json', '--stack', stack], {
      encoding: 'utf8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        'the pulumi CLI is not installed; pass --outputs FILE (saved from `pulumi stack output --json`) or the flags',
        { cause: err },
      );
    }
    const detail = (e.stderr ?? '').trim().split('\n')[0] || e.message;
    throw new Error(`pulumi stack output --stack ${stack} failed: ${detail}`, { cause: err });
  }
  return parseStackOutputs(text, `stack ${stack}`);
}

export function readStackOutputsFile(file: string): StackOutputs {
  if (!fs.existsSync(file)) throw new Error(`--outputs: file not found: ${file}`);
  return parseStackOutputs(fs.readFileSync(file, 'utf8'), file);
}

/** Outputs from `--outputs FILE`, else from `--stack NAME`, else none. */
export function stackOutputs(opts: { stack?: string; outputs?: string }): StackOutputs {
  if (opts.outputs !== undefined && opts.stack !== undefined) {
    throw new Error('give either --stack or --outputs, not both');
  }
  if (opts.outputs !== undefined) return readStackOutputsFile(opts.outputs);
  if (opts.stack !== undefined) return readPulumiStackOutputs(opts.stack);
  return {};
}
