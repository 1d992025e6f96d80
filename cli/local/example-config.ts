import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../package-root';
import { writeExample } from '../../examples/medical-specialty/generate';

/** The bundled example's config (its data is generated on first use): the default of `run` and `trigger`. */
export const exampleConfig = path.join(packageRoot(), 'examples', 'medical-specialty', 'pipeline.json');

/** Generates the bundled example's data the first time it is needed; any other missing file is an error. */
export function ensureData(configFile: string, files: { train: string; eval: string }): void {
  const missing = [files.train, files.eval].filter((f) => !f.startsWith('gs://') && !fs.existsSync(f));
  if (missing.length === 0) return;
  if (path.resolve(configFile) === exampleConfig) {
    writeExample(path.dirname(files.train));
    return;
  }
  throw new Error(`data file not found: ${missing.join(', ')} (named in ${configFile})`);
}
