import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeExample, type GenerateOptions } from '../../../examples/medical-specialty/generate';
import { exampleConfig } from '../../../cli/local/run-locally';
import { openLocalEnvironment } from '../../../cli/local/environment';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `bqtune-${prefix}-`));
}

type Json = Record<string, unknown>;

/**
 * A copy of the example config in `dir`, with its own generated data and deep overrides, e.g.
 * { model: { tuning: { maxIterations: 400 } } }. Returns the config file's path.
 */
export function exampleVariant(dir: string, overrides: Json = {}, data: GenerateOptions = {}): string {
  const config = JSON.parse(fs.readFileSync(exampleConfig, 'utf8')) as Json;
  delete config.$schema;
  const merged = merge(config, overrides);
  writeExample(path.join(dir, 'data'), data);
  merged.data = { train: 'data/train.jsonl', eval: 'data/eval.jsonl' };
  const file = path.join(dir, 'pipeline.json');
  fs.writeFileSync(file, JSON.stringify(merged, null, 2));
  return file;
}

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && base[k] && typeof base[k] === 'object'
        ? merge(base[k] as Json, v as Json)
        : v;
  }
  return out;
}

/** Runs GoogleSQL against the persistent local warehouse of a state folder, then closes it. */
export async function queryState(stateDir: string, sql: string, params: Record<string, unknown> = {}) {
  const env = await openLocalEnvironment(stateDir);
  try {
    return (await env.bigquery.query(sql, params)).rows;
  } finally {
    await env.close();
  }
}

export const table = (name: string) => `\`bqtune-local.bqtune.${name}\``;

/**
 * The latest attempt of each eval row a model predicted in a run (under the eval key the run recorded), read
 * straight from the local warehouse: example_id, label, generated_text, status, attempt.
 */
export async function latestPredictionRows(
  stateDir: string,
  runId: string,
  model: string,
): Promise<Record<string, unknown>[]> {
  const raw = await queryState(
    stateDir,
    `SELECT p.example_id, p.label, p.generated_text, p.status, p.attempt FROM ${table('predictions')} AS p
     JOIN (SELECT eval_key FROM ${table('runs')} WHERE run_id = @run AND eval_key IS NOT NULL LIMIT 1) AS r
       ON p.eval_fingerprint = r.eval_key
     WHERE p.model_name = @model`,
    { run: runId, model },
  );
  const latest = new Map<string, Record<string, unknown>>();
  for (const r of raw) {
    const seen = latest.get(String(r.example_id));
    if (!seen || Number(r.attempt) > Number(seen.attempt)) latest.set(String(r.example_id), r);
  }
  return [...latest.values()];
}
