import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';

/** Folder of the committed, compiled workflow sources (what pull requests review and Pulumi deploys). */
export function distDir(): string {
  return path.join(packageRoot(), 'workflows', 'dist');
}

/** The committed YAML of one pipeline, e.g. `tune-and-evaluate`. */
export function compiledWorkflowSource(name: string): string {
  const file = path.join(distDir(), `${name}.yaml`);
  if (!fs.existsSync(file)) {
    throw new Error(`bqtune: ${path.relative(process.cwd(), file)} is missing; run \`bqtune compile\``);
  }
  return fs.readFileSync(file, 'utf8');
}
