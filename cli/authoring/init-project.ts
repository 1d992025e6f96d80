import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { packageRoot } from '../../package-root';
import { starters, starterTaskTypes, type StarterRow, type StarterTaskType } from './starters';

export interface InitOptions {
  /**
   * Write into a folder that is not empty, replacing the starter's own files there (each one is named).
   * Default false: a folder that is not empty is refused.
   */
  force?: boolean;
}

export interface InitResult {
  /** Every file written, relative to the folder, in the order written. */
  written: string[];
  /** Files that existed and were replaced (only with `force`). */
  replaced: string[];
}

/** The files of a starter, relative to its folder. */
export const starterFiles = {
  config: 'config.yaml',
  train: path.join('data', 'train.jsonl'),
  eval: path.join('data', 'eval.jsonl'),
} as const;

/** Parses `--task`; throws one line listing the task types. */
export function parseTaskType(value: string): StarterTaskType {
  if ((starterTaskTypes as readonly string[]).includes(value)) return value as StarterTaskType;
  throw new Error(`--task must be one of ${starterTaskTypes.join(', ')}; got ${JSON.stringify(value)}`);
}

const jsonl = (rows: StarterRow[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

/**
 * Throws one line when `file` (relative to `dir`) cannot be written as a regular file inside `dir`: it or
 * a folder on its way is a symbolic link (writing would land wherever the link points), a folder on its
 * way is a file, or it is itself a folder. Checked for every file before the first is written.
 */
function refuseUnwritable(dir: string, file: string): void {
  const parts = file.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const target = path.join(dir, ...parts.slice(0, i));
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (stat === undefined) return;
    if (stat.isSymbolicLink())
      throw new Error(`${target} is a symbolic link; bqtune init writes only inside ${dir}`);
    const last = i === parts.length;
    if (!last && !stat.isDirectory()) throw new Error(`${target} exists and is not a folder`);
    if (last && !stat.isFile()) throw new Error(`${target} exists and is not a file`);
  }
}

/**
 * Writes the starter of `task` into `dir`: `config.yaml` (its `$schema` pointing at this installation's
 * config schema, relative to `dir`, as the bundled example does) and `data/{train,eval}.jsonl`. Refuses a
 * folder that exists and is not empty unless `force`, before writing anything; with `force`, replaced files
 * are returned so the caller names them. Throws one line naming the folder or file, before writing
 * anything, also when a starter path is a symbolic link or of the wrong kind (see refuseUnwritable).
 */
export function initProject(dir: string, task: StarterTaskType, options: InitOptions = {}): InitResult {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a folder`);
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !options.force) {
      throw new Error(
        `${dir} is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}); choose an empty folder or pass --force to write the starter files into it`,
      );
    }
  }
  const starter = starters[task];
  const schema = path.relative(
    path.resolve(dir),
    path.join(packageRoot(), 'schemas', 'pipeline-config.schema.json'),
  );
  const config = {
    $schema: schema.split(path.sep).join('/'),
    ...starter.config,
    data: { train: 'data/train.jsonl', eval: 'data/eval.jsonl' },
  };
  const header = [
    `# bqtune pipeline config (${task} starter). Check it with \`bqtune check\`, run it with \`bqtune run\`.`,
    '# The $schema line lets editors complete and check every field.',
    '',
  ].join('\n');
  const contents: [string, string][] = [
    [starterFiles.config, header + stringify(config, { lineWidth: 0 })],
    [starterFiles.train, jsonl(starter.train)],
    [starterFiles.eval, jsonl(starter.eval)],
  ];
  for (const [file] of contents) refuseUnwritable(dir, file);
  const result: InitResult = { written: [], replaced: [] };
  for (const [file, text] of contents) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) result.replaced.push(file);
    fs.writeFileSync(target, text);
    result.written.push(file);
  }
  return result;
}

/** What to do after `bqtune init`, one command a line; `dir` as the user typed it. */
export function nextSteps(dir: string, task: StarterTaskType): string[] {
  const config = path.join(dir, starterFiles.config);
  const size = `${starters[task].train.length} train and ${starters[task].eval.length} eval rows`;
  return [
    'Next steps:',
    `  1. bqtune check ${config}    # config, data, label list and token counts, without running anything`,
    `  2. bqtune run ${config}      # tune and evaluate on the local emulator`,
    `  3. deploy: see docs/deploy-to-gcp.md, then bqtune trigger ${config} --stack <stack>`,
    `The starter has ${size}, enough to try the commands: real data needs far more (the bundled`,
    `example uses 100 train and 50 eval rows at least); raise checks.minTrainRows and checks.minEvalRows with it.`,
  ];
}
