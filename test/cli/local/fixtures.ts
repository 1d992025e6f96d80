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
