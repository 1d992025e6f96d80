import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bqtuneBin } from '../support/bin';
import { tempDir } from './local/fixtures';
import { readExampleFile } from '../../cli/local/data-files';
import { starterTaskTypes } from '../../cli/authoring/starters';
import { loadPipelineConfig } from '../../schemas/pipeline-config-file';

/*
 * `bqtune init`, `bqtune check` and `bqtune run` as a user runs them: the built CLI as a process, in a
 * fresh folder. Expected values are computed here from the files init wrote, not by the code under test.
 */

let cwd: string;
const bqtune = (...args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

type Row = { input_text: string; output_text: string };
const readRows = (file: string): Row[] =>
  fs
    .readFileSync(path.join(cwd, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
/** The parts of a starter config the tests read or edit. */
interface StarterConfig {
  $schema: string;
  task: { labels: string[]; promptTemplate: { prefix: string; suffix?: string } };
  model: { baseEndpoint: string };
  checks: { minTrainRows: number; minEvalRows: number };
}
const readConfig = (dir: string) =>
  parse(fs.readFileSync(path.join(cwd, dir, 'config.yaml'), 'utf8')) as StarterConfig;
/** Edits a starter's config; written back as JSON, which is YAML too. */
const writeConfig = (dir: string, edit: (c: StarterConfig) => void) => {
  const config = readConfig(dir);
  edit(config);
  fs.writeFileSync(path.join(cwd, dir, 'config.yaml'), JSON.stringify(config));
};
/** Google's rule of thumb, what the CLI uses for gemini-3.5-flash: ceil(characters / 4). */
const estimate = (text: string) => Math.ceil([...text].length / 4);

/** A fresh copy of the classification starter in its own folder. */
function starter(dir: string): string {
  const result = bqtune('init', dir);
  expect(result.status).toBe(0);
  return path.join(dir, 'config.yaml');
}

beforeEach(() => {
  cwd = tempDir('init-check');
});

describe('bqtune init', () => {
  test('writes a config with $schema, example rows per split and next steps', () => {
    const result = bqtune('init', 'triage');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wrote triage/config.yaml\nwrote triage/data/train.jsonl\n');
    expect(result.stdout).toMatch(
      /bqtune check triage\/config\.yaml[^\n]*\n[^\n]*bqtune run triage\/config\.yaml/,
    );
    expect(result.stdout).toMatch(/real data needs far more/);
    const config = readConfig('triage');
    // The $schema line resolves from the config's folder to this checkout's schema, as the example's does.
    expect(path.resolve(cwd, 'triage', config.$schema)).toBe(
      path.resolve(__dirname, '..', '..', 'schemas', 'pipeline-config.schema.json'),
    );
    const train = readRows('triage/data/train.jsonl');
    const evalRows = readRows('triage/data/eval.jsonl');
    expect(train.length).toBeGreaterThanOrEqual(config.checks.minTrainRows);
    expect(evalRows.length).toBeGreaterThanOrEqual(config.checks.minEvalRows);
    // The prefix lists exactly the labels, and every row's label is one of them.
    const listed = /\[([^\]]*)\]/.exec(config.task.promptTemplate.prefix)![1].split(', ');
    expect(listed).toEqual(config.task.labels);
    for (const row of [...train, ...evalRows]) expect(config.task.labels).toContain(row.output_text);
  });

  test('refuses a folder that is not empty, in one line, writing nothing; --force names what it replaces', () => {
    fs.mkdirSync(path.join(cwd, 'mine'));
    fs.writeFileSync(path.join(cwd, 'mine', 'config.yaml'), 'mine\n');
    const refused = bqtune('init', 'mine');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^bqtune: \S*mine is not empty \(1 entry\); [^\n]*--force[^\n]*\n$/);
    expect(fs.readdirSync(path.join(cwd, 'mine'))).toEqual(['config.yaml']);

    const forced = bqtune('init', 'mine', '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('wrote mine/config.yaml (replaced the existing file)\n');
    expect(forced.stdout).toContain('wrote mine/data/train.jsonl\n');
  });

  test('an unknown task type is one line listing the types', () => {
    const result = bqtune('init', 'x', '--task', 'regression');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'bqtune: --task must be one of classification, text_generation, summarization, question_answering; got "regression"\n',
    );
    expect(fs.existsSync(path.join(cwd, 'x'))).toBe(false);
  });

  test.each(starterTaskTypes)('the %s starter is a valid config whose data files load', (task) => {
    expect(bqtune('init', task, '--task', task).status).toBe(0);
    const config = loadPipelineConfig(path.join(cwd, task, 'config.yaml'), { warn: () => undefined });
    expect(config.task.type).toBe(task);
    expect(readExampleFile(config.data.train).lines.length).toBeGreaterThanOrEqual(
      config.checks.minTrainRows,
    );
    expect(readExampleFile(config.data.eval).lines.length).toBeGreaterThanOrEqual(config.checks.minEvalRows);
  });
});

describe('init → check → run, classification', () => {
  test('the starter passes check and runs to a deployed champion', () => {
    const config = starter('triage');
    const check = bqtune('check', config);
    const { prefix, suffix = '' } = readConfig('triage').task.promptTemplate;
    const rows = [...readRows('triage/data/train.jsonl'), ...readRows('triage/data/eval.jsonl')];
    const longest = Math.max(...rows.map((r) => estimate(prefix + r.input_text + suffix)));
    expect(check.stdout).toBe(
      [
        'checked triage/config.yaml: train 12 rows, eval 6 rows',
        `tokens: longest prompt ~${longest} tokens (estimate: 4 characters a token); limit 1048576 (gemini-3.5-flash, model catalog)`,
        'note: token counts are estimates (4 characters a token): no tokenizer for gemini-3.5-flash is available offline',
        'check: ok',
        '',
      ].join('\n'),
    );
    expect(check.status).toBe(0);
    // Nothing was run or written: no state folder, no run folder.
    expect(fs.readdirSync(cwd)).toEqual(['triage']);

    const run = bqtune('run', config, '--state-dir', 'state');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(run.stderr).not.toMatch(/warning/);
    expect(run.stdout).toMatch(/gate \(macro_f1\): passed/);
    expect(run.stdout).toMatch(/deployed: bqtune-local\.bqtune\.tuned_[0-9a-f]{32} is now the champion/);
  });

  test('--json gives the same report, machine-readable', () => {
    const check = bqtune('check', starter('triage'), '--json');
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report).toMatchObject({
      config: 'triage/config.yaml',
      exitCode: 0,
      items: [],
      dataChecks: [],
      rows: { train: 12, eval: 6 },
      tokens: {
        model: 'gemini-3.5-flash',
        limit: 1048576,
        limitSource: 'catalog',
        method: 'estimate',
        prompts: 18,
        overLimit: [],
      },
    });
  });
});

describe('bqtune check: findings that would fail the run exit 1, each naming file and line', () => {
  test('every prompt above the input token limit is a finding (limit given by --input-token-limit)', () => {
    const config = starter('triage');
    const { prefix } = readConfig('triage').task.promptTemplate;
    const counted = (['train', 'eval'] as const).flatMap((split) =>
      readRows(`triage/data/${split}.jsonl`).map((r, i) => ({
        where: `triage/data/${split}.jsonl:${i + 1}`,
        tokens: estimate(prefix + r.input_text),
      })),
    );
    // A limit between the shortest and the longest prompt, so both outcomes occur.
    const sorted = counted.map((c) => c.tokens).sort((a, b) => a - b);
    const limit = sorted[Math.floor(sorted.length / 2)];
    const over = counted.filter((c) => c.tokens > limit);
    expect(over.length).toBeGreaterThan(0);
    expect(over.length).toBeLessThan(counted.length);

    const check = bqtune('check', config, '--input-token-limit', String(limit));
    expect(check.status).toBe(1);
    const errors = check.stdout.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual(
      over.map(
        (o) =>
          `error: ${o.where}: prompt is ~${o.tokens} tokens (estimate: 4 characters a token) > limit ${limit} of gemini-3.5-flash (--input-token-limit)`,
      ),
    );
    expect(check.stdout).toMatch(
      new RegExp(`check: ${over.length} errors, 0 warnings: the run would fail\\n$`),
    );
  });

  test('a prompt above the model’s documented limit (1,048,576 tokens) fails check and run before anything runs', () => {
    const config = starter('triage');
    const { prefix } = readConfig('triage').task.promptTemplate;
    // 4 characters a token: this input alone is 1,048,576 tokens, so its prompt is one past the limit or more.
    const input = 'word '.repeat((1_048_576 * 4) / 5);
    fs.appendFileSync(
      path.join(cwd, 'triage/data/train.jsonl'),
      JSON.stringify({ input_text: input, output_text: 'Billing' }) + '\n',
    );
    const tokens = estimate(prefix + input);
    const line = `triage/data/train.jsonl:13: prompt is ~${tokens} tokens (estimate: 4 characters a token) > limit 1048576 of gemini-3.5-flash`;
    const check = bqtune('check', config);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`error: ${line}\n`);
    const run = bqtune('run', config, '--state-dir', 'state');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`1 prompt(s) exceed the input token limit of gemini-3.5-flash:\n  ${line}`);
    // Refused before the run started: no run folder, no warehouse.
    expect(fs.existsSync(path.join(cwd, 'state', 'runs'))).toBe(false);
  });

  test('an eval text also in train (leakage) and an unknown label are the run’s data-check findings', () => {
    const config = starter('triage');
    const train = readRows('triage/data/train.jsonl');
    const evalFile = path.join(cwd, 'triage/data/eval.jsonl');
    fs.appendFileSync(
      evalFile,
      JSON.stringify(train[2]) +
        '\n' +
        JSON.stringify({ input_text: 'Where is my parcel?', output_text: 'Shipping' }) +
        '\n',
    );
    const check = bqtune('check', config);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      [
        'data check: eval: 1 distinct eval input texts that are also in train (leakage)',
        `    triage/data/train.jsonl:3, triage/data/eval.jsonl:7: ${JSON.stringify(train[2].input_text)}`,
        'data check: eval: 1 rows whose output_text is not in task.labels (unknown_labels)',
        '    triage/data/eval.jsonl:8: "Where is my parcel?" output_text "Shipping"',
      ].join('\n'),
    );
    expect(check.stdout).toMatch(/check: 2 errors, 0 warnings: the run would fail\n$/);
  });

  test('too few rows for the config’s minimum fails as the run would, before any model call', () => {
    const config = starter('triage');
    writeConfig('triage', (c) => (c.checks.minEvalRows = 7));
    const check = bqtune('check', config);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('data check: eval has 6 rows; at least 7 are needed\n');
  });

  test('arguments the workflow itself refuses are errors too', () => {
    const config = starter('triage');
    // The schema allows any endpoint name; the workflow's validation refuses one it cannot tune.
    writeConfig('triage', (c) => (c.model.baseEndpoint = 'my-own-model'));
    const check = bqtune('check', config);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^error: model\.baseEndpoint[^\n]*\n/m);
    expect(check.stdout).toContain(
      'warning: input token limit not documented for my-own-model: prompts were not compared with a limit\n',
    );
  });
});

describe('bqtune check: warnings do not fail it', () => {
  test('the prompt’s label list against task.labels, each way', () => {
    const config = starter('triage');
    writeConfig('triage', (c) => c.task.labels.push('Shipping'));
    const check = bqtune('check', config);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      `warning: task.labels has "Shipping", which the prompt template's label list does not\n`,
    );
    expect(check.stdout).toMatch(/check: ok \(1 warning\)\n$/);
  });

  test('a prompt without candidate labels: check and run say the baseline would score 0.0', () => {
    const config = starter('triage');
    writeConfig('triage', (c) => (c.task.promptTemplate.prefix = 'Classify the support ticket. TICKET: '));
    const check = bqtune('check', config);
    expect(check.status).toBe(0);
    const warning =
      'warning: task.promptTemplate does not list the candidate labels in brackets: the local base model ' +
      'answers zero-shot only among labels it reads from the prompt, so its baseline would score 0.0; add ' +
      'e.g. "one of [Billing, Technical Issue, Account Access]" to the prefix';
    expect(check.stdout).toContain(warning + '\n');

    const run = bqtune('run', config, '--state-dir', 'state');
    expect(run.status).toBe(0);
    // Said first, before any stage runs; and the baseline indeed scores 0.0.
    expect(run.stderr.split('\n')[0]).toBe(warning);
    expect(run.stdout).toMatch(/^macro F1 +0\.000 /m);
  });
});

describe('bqtune check: unusable input exits 2 with one line naming file, line or field', () => {
  const unusable = (args: string[], line: RegExp) => {
    const result = bqtune('check', ...args);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(line);
    expect(result.stderr.split('\n')).toHaveLength(2);
  };

  test('a missing config', () =>
    unusable(['nope/config.yaml'], /^bqtune: config file not found: nope\/config\.yaml\n$/));

  test('a folder given as the config, and an empty config, are each one line naming the file', () => {
    starter('triage');
    unusable(['triage'], /^bqtune: triage is a folder, not a config file\n$/);
    fs.writeFileSync(path.join(cwd, 'empty.yaml'), '');
    const empty = bqtune('check', 'empty.yaml');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^bqtune: \S*empty\.yaml is invalid:\n\s+\(root\) must be an object/);
  });

  test('a config the schema refuses names the field', () => {
    const config = starter('triage');
    writeConfig('triage', (c) => (c.checks.minTrainRows = 5));
    const result = bqtune('check', config);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^bqtune: \S*triage\/config\.yaml is invalid:\n\s+checks\.minTrainRows must be >= 10/,
    );
  });

  test('a missing data file', () => {
    const config = starter('triage');
    fs.rmSync(path.join(cwd, 'triage/data/eval.jsonl'));
    unusable(
      [config],
      /^bqtune: data file not found: \S*triage\/data\/eval\.jsonl \(named in \S*config\.yaml\)\n$/,
    );
  });

  test('data in Cloud Storage cannot be checked offline', () => {
    const config = starter('triage');
    writeConfig(
      'triage',
      (c) => ((c as unknown as { data: { train: string } }).data.train = 'gs://my-bucket/train.jsonl'),
    );
    unusable(
      [config],
      /^bqtune: gs:\/\/my-bucket\/train\.jsonl: bqtune check reads local files, not Cloud Storage\n$/,
    );
  });

  test('a line that is not JSON', () => {
    const config = starter('triage');
    fs.appendFileSync(path.join(cwd, 'triage/data/train.jsonl'), '{"input_text": "cut off\n');
    unusable([config], /^bqtune: triage\/data\/train\.jsonl:13: not a JSON object \(/);
  });

  test('invalid UTF-8', () => {
    const config = starter('triage');
    fs.appendFileSync(
      path.join(cwd, 'triage/data/eval.jsonl'),
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d, 0x0a]),
    );
    unusable([config], /^bqtune: triage\/data\/eval\.jsonl:7: the line is not valid UTF-8\n$/);
  });

  test('a value LOAD DATA refuses names the user’s file and line, not the uploaded copy', () => {
    const config = starter('triage');
    fs.appendFileSync(
      path.join(cwd, 'triage/data/eval.jsonl'),
      '{"input_text": 5, "output_text": "Billing"}\n',
    );
    unusable(
      [config],
      /^bqtune: .*Could not convert 5 to STRING for field input_text \(row starting at line 7 of triage\/data\/eval\.jsonl\)\n$/,
    );
  });

  test('a usage error is input that cannot be checked (exit 2), not a finding (exit 1)', () => {
    const config = starter('triage');
    for (const [args, first] of [
      [[config, '--bogus'], "error: unknown option '--bogus'"],
      [
        [config, '--input-token-limit', 'abc'],
        "error: option '--input-token-limit <n>' argument 'abc' is invalid. --input-token-limit must be a positive integer, got abc",
      ],
      [[config, 'extra.yaml'], 'error: too many arguments'],
    ] as const) {
      const result = bqtune('check', ...args);
      expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
      expect(result.stderr.split('\n')[0]).toMatch(
        new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    }
    expect(bqtune('check', '--help').status).toBe(0);
  });

  test('interrupted while its data checks run, check leaves no throwaway folder behind', async () => {
    const config = starter('triage');
    const tmp = path.join(cwd, 'tmp');
    fs.mkdirSync(tmp);
    const child = spawn(process.execPath, [bqtuneBin, 'check', config], {
      cwd,
      env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    // Interrupt once the throwaway copy exists, as a user pressing Ctrl-C mid-check would.
    while (fs.readdirSync(tmp).length === 0 && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.readdirSync(tmp)).toHaveLength(1);
    child.kill('SIGINT');
    // Died of the signal; or, when a loaded machine let the check reach its end first, the signal landed
    // while the finished check removed its folder and the check ended normally. Either way, nothing is left.
    expect(['SIGINT', 0]).toContain(await exited);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('with --json, the error is also on stdout', () => {
    const result = bqtune('check', 'nope.yaml', '--json');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      config: 'nope.yaml',
      exitCode: 2,
      error: 'config file not found: nope.yaml',
    });
  });
});

describe('init → check → run, the free-text task types', () => {
  test.each([
    ['text_generation', 'rouge-l_f1'],
    ['summarization', 'rouge-l_f1'],
    ['question_answering', 'exact_match'],
  ])('the %s starter passes check and its run is gated on %s', (task, metric) => {
    expect(bqtune('init', task, '--task', task).status).toBe(0);
    const config = path.join(task, 'config.yaml');
    expect(readConfig(task).task.labels).toBeUndefined();
    const check = bqtune('check', config);
    expect({ status: check.status, last: check.stdout.trim().split('\n').pop() }).toEqual({
      status: 0,
      last: 'check: ok',
    });
    const run = bqtune('run', config, '--state-dir', `state-${task}`);
    expect(run.stdout).toContain(`gate (${metric}): passed`);
    expect(run.status).toBe(0);
  });
});
