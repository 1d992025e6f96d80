import fs from 'node:fs';
import path from 'node:path';
import type * as Yaml from 'yaml';
import type { PipelineConfig } from './types.generated';
import { validatePipelineConfig } from './validate';
import { defaultRetirementWarningDays, endpointLifecycleFinding } from '../bigquery/model-catalog';

export interface LoadOptions {
  /** The day the config is checked against the model catalog's retirement dates (default: now). */
  today?: Date;
  /** Days before a base model's retirement from which a warning is given (default 90: the model catalog's `defaultRetirementWarningDays`). */
  retirementWarningDays?: number;
  /** Where warnings go (default: stderr). */
  warn?: (message: string) => void;
}

/**
 * Reads and validates a pipeline config written as JSON or YAML. Local data paths come back absolute, resolved
 * against the config file's folder, so the result does not depend on the working directory. A base model that
 * is retired, or in the month before retirement when Vertex AI blocks new tuning, is an error naming the
 * replacement; one retiring within the warning window is a warning (see bigquery/model-catalog.ts).
 */
export function loadPipelineConfig(file: string, options: LoadOptions = {}): PipelineConfig {
  const text = fs.readFileSync(file, 'utf8');
  const yaml = /\.ya?ml$/i.test(file);
  let parsed: unknown;
  try {
    // The YAML parser loads only for a YAML config: a JSON config (the example's) never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parsed = yaml ? (require('yaml') as typeof Yaml).parse(text) : JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const config = validatePipelineConfig(parsed, file);
  const finding = endpointLifecycleFinding(
    config.model.baseEndpoint,
    'tuning',
    `${file}: model.baseEndpoint`,
    options.today ?? new Date(),
    options.retirementWarningDays ?? defaultRetirementWarningDays,
  );
  if (finding?.level === 'error') throw new Error(finding.message);
  if (finding?.level === 'warning') {
    (options.warn ?? ((m: string) => process.stderr.write(`warning: ${m}\n`)))(finding.message);
  }
  const local = (location: string) =>
    location.startsWith('gs://') ? location : path.resolve(path.dirname(file), location);
  return { ...config, data: { train: local(config.data.train), eval: local(config.data.eval) } };
}
