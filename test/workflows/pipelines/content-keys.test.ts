import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../../cli/local/run-locally';
import { exampleVariant, tempDir } from '../../cli/local/fixtures';

/**
 * The tuned model's content key, computed by the compiled pipeline in the emulator, against the key worked
 * out here from the documented recipe: it changes when any one tuning input changes (endpoint, each tuning
 * option, the prompt template, the training rows) and stays put for everything else.
 *
 * Recipe (bigquery/fingerprint.ts, bigquery/pipeline-keys.ts):
 *   cell        = 'n' for NULL, else 'v' + hex(SHA-256(value))
 *   row         = hex(SHA-256(cells joined by '|'))
 *   fingerprint = hex(SHA-256(row count + ':' + sorted row hashes joined by ',')) over (input_text, output_text)
 *   tuned key   = hex(SHA-256(JSON [endpoint, maxIterations, learningRateMultiplier, dataSplitMethod,
 *                                    dataSplitEvalFraction or null, evaluationTask, prefix, suffix]
 *                              + '|' + train fingerprint)), the model named tuned_ + its first 32 digits
 *   eval key    = hex(SHA-256(JSON [prefix, suffix] + '|' + eval fingerprint))
 */

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

interface Row {
  input_text: string | null;
  output_text: string | null;
}

const readRows = (file: string): Row[] =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);

const writeRows = (file: string, rows: Row[]) =>
  fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');

function fingerprint(rows: Row[]): string {
  const cell = (value: string | null) => (value === null ? 'n' : `v${sha256(value)}`);
  const hashes = rows.map((row) => sha256([cell(row.input_text), cell(row.output_text)].join('|'))).sort();
  return sha256(`${rows.length}:${hashes.join(',')}`);
}

interface Config {
  task: { promptTemplate: { prefix: string; suffix?: string } };
  model: {
    baseEndpoint: string;
    tuning: {
      maxIterations: number;
      learningRateMultiplier: number;
      dataSplitMethod: string;
      dataSplitEvalFraction?: number;
      evaluationTask: string;
    };
    generation: { function: string; maxOutputTokens: number; temperature: number; topP: number };
  };
}

/** The tuned model's name and the eval key, from the config file and the data files it names. */
function expectedKeys(configFile: string): { model: string; evalKey: string; train: string } {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Config;
  const dir = path.dirname(configFile);
  const train = fingerprint(readRows(path.join(dir, 'data', 'train.jsonl')));
  const evalSet = fingerprint(readRows(path.join(dir, 'data', 'eval.jsonl')));
  const { prefix, suffix = '' } = config.task.promptTemplate;
  const t = config.model.tuning;
  const g = config.model.generation;
  const tuning = JSON.stringify([
    config.model.baseEndpoint,
    t.maxIterations,
    t.learningRateMultiplier,
    t.dataSplitMethod,
    t.dataSplitEvalFraction ?? null,
    t.evaluationTask,
    prefix,
    suffix,
  ]);
  return {
    model: `tuned_${sha256(`${tuning}|${train}`).slice(0, 32)}`,
    // The example-id scheme is part of the prompt key: prompts under another scheme are other prompts; and
    // so are the generation settings: answers made with other settings are other answers.
    evalKey: sha256(
      `${JSON.stringify([prefix, suffix, 'example-id: input, label, copy', g.function, g.maxOutputTokens, g.temperature, g.topP])}|${evalSet}`,
    ),
    train,
  };
}

// Small splits keep each run short; the data checks' minimums are lowered to match.
const data = { trainRows: 40, evalRows: 20 };
const base = {
  checks: { minTrainRows: 20, minEvalRows: 10 },
  model: {
    tuning: {
      maxIterations: 200,
      learningRateMultiplier: 1.5,
      dataSplitMethod: 'NO_SPLIT',
      evaluationTask: 'CLASSIFICATION',
    },
  },
};

interface Keys {
  model: string;
  evalKey: string;
  expected: ReturnType<typeof expectedKeys>;
}

let runs = 0;
/** Runs the pipeline on a fresh state with `overrides` (and `editData` applied to the generated files). */
async function keysOf(
  overrides: Record<string, unknown> = {},
  editData?: (dataDir: string) => void,
): Promise<Keys> {
  const dir = tempDir('keys-config');
  const configFile = exampleVariant(dir, merge(base, overrides), data);
  editData?.(path.join(dir, 'data'));
  const { summary, outcome } = await runLocally({
    configFile,
    stateDir: tempDir('keys-state'),
    runId: `run_keys_${++runs}`,
  });
  expect(summary.status).not.toBe('failed');
  const result = outcome as { tuning: { model: string }; fingerprints: { train: string; evalKey: string } };
  const expected = expectedKeys(configFile);
  expect(result.fingerprints.train).toBe(expected.train);
  return {
    model: result.tuning.model.split('.').pop()!,
    evalKey: result.fingerprints.evalKey,
    expected,
  };
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && old && typeof old === 'object'
        ? merge(old as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

let reference: Keys;
beforeAll(async () => {
  reference = await keysOf();
});

test('the key the workflow computes is the documented recipe over the config and the data', () => {
  expect(reference.model).toBe(reference.expected.model);
  expect(reference.evalKey).toBe(reference.expected.evalKey);
});

const tuning = (option: Record<string, unknown>) => ({ model: { tuning: option } });
const editTrain = (dataDir: string) => {
  const file = path.join(dataDir, 'train.jsonl');
  const rows = readRows(file);
  rows[3] = { ...rows[3], input_text: `${rows[3].input_text} Follow-up in two weeks.` };
  writeRows(file, rows);
};

describe('changing one tuning input gives a new tuned model', () => {
  test.each<[string, Record<string, unknown>, ((dataDir: string) => void) | undefined]>([
    ['the base endpoint', { model: { baseEndpoint: 'gemini-3.5-flash-lite' } }, undefined],
    ['maxIterations', tuning({ maxIterations: 201 }), undefined],
    ['learningRateMultiplier', tuning({ learningRateMultiplier: 0.5 }), undefined],
    ['dataSplitMethod', tuning({ dataSplitMethod: 'AUTO_SPLIT' }), undefined],
    ['dataSplitEvalFraction', tuning({ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.25 }), undefined],
    ['evaluationTask', tuning({ evaluationTask: 'UNSPECIFIED' }), undefined],
    ['the prompt prefix', { task: { promptTemplate: { prefix: 'Label this transcript: ' } } }, undefined],
    [
      'the prompt suffix',
      { task: { promptTemplate: { suffix: ' Answer with the label only.' } } },
      undefined,
    ],
    ['one training row', {}, editTrain],
  ])('%s', async (_what, overrides, editData) => {
    const changed = await keysOf(overrides, editData);
    expect(changed.model).toBe(changed.expected.model);
    expect(changed.model).not.toBe(reference.model);
  });

  test('the eval fraction alone, with a RANDOM split', async () => {
    const a = await keysOf(tuning({ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.25 }));
    const b = await keysOf(tuning({ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.3 }));
    expect(b.model).toBe(b.expected.model);
    expect(b.model).not.toBe(a.model);
  });
});

describe('everything else keeps the tuned model', () => {
  test('gate, checks, retries, deploy and description settings, and the row order', async () => {
    const same = await keysOf(
      {
        description: 'another description',
        checks: { minTrainRows: 21, minEvalRows: 11, duplicates: 'warn' },
        gate: { minImprovementOverBaseline: 0.5, maxLabelRegression: 0.3, minSuccessRate: 0.5 },
        model: { retries: { maxPasses: 2 } },
        deploy: { servingName: 'another_name' },
      },
      (dataDir) => {
        const file = path.join(dataDir, 'train.jsonl');
        writeRows(file, readRows(file).reverse());
      },
    );
    expect(same.model).toBe(reference.model);
    expect(same.evalKey).toBe(reference.evalKey);
  });

  // A run with maxOutputTokens 1 reused the answers stored with 64 tokens, made no model call and was
  // gated (and reported) on answers it would not give.
  test.each<[string, Record<string, unknown>]>([
    ['maxOutputTokens', { maxOutputTokens: 1 }],
    ['temperature', { temperature: 0.5 }],
    ['topP', { topP: 0.5 }],
    ['the generate function', { function: 'ML.GENERATE_TEXT' }],
  ])('other generation settings (%s) change the eval key only', async (_what, generation) => {
    const other = await keysOf({ model: { generation } });
    expect(other.model).toBe(reference.model);
    expect(other.evalKey).toBe(other.expected.evalKey);
    expect(other.evalKey).not.toBe(reference.evalKey);
  });

  test('other eval rows change the eval key only', async () => {
    const other = await keysOf({}, (dataDir) => {
      const file = path.join(dataDir, 'eval.jsonl');
      writeRows(file, readRows(file).slice(1));
    });
    expect(other.model).toBe(reference.model);
    expect(other.evalKey).toBe(other.expected.evalKey);
    expect(other.evalKey).not.toBe(reference.evalKey);
  });
});
