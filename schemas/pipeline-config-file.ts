import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PipelineConfig } from './types.generated';
import { validatePipelineConfig } from './validate';

/**
 * Reads and validates a pipeline config written as JSON or YAML. Local data paths come back absolute, resolved
 * against the config file's folder, so the result does not depend on the working directory.
 */
export function loadPipelineConfig(file: string): PipelineConfig {
  const text = fs.readFileSync(file, 'utf8');
  const yaml = /\.ya?ml$/i.test(file);
  let parsed: unknown;
  try {
    parsed = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const config = validatePipelineConfig(parsed, file);
  const local = (location: string) =>
    location.startsWith('gs://') ? location : path.resolve(path.dirname(file), location);
  return { ...config, data: { train: local(config.data.train), eval: local(config.data.eval) } };
}
