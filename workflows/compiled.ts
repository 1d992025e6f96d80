import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';

/** Folder of the committed, compiled workflow sources (what pull requests review and Pulumi deploys). */
export function distDir(): string {
  return path.join(packageRoot(), 'workflows', 'dist');
}

function readDist(file: string): string {
  const target = path.join(distDir(), file);
  if (!fs.existsSync(target)) {
    throw new Error(`bqtune: ${path.relative(process.cwd(), target)} is missing; run \`bqtune compile\``);
  }
  return fs.readFileSync(target, 'utf8');
}

/** The committed YAML of one pipeline, e.g. `tune-and-evaluate`: what Google receives. */
export function compiledWorkflowSource(name: string): string {
  return readDist(`${name}.yaml`);
}

/**
 * What local runs execute: the parsed form of the committed YAML (`<name>.json`, the same document as
 * Workflows JSON, kept equal to the YAML by `bqtune compile --check`), so a run needs no YAML parser.
 * `fileName` tells the interpreter how to read `source` (by its extension) and names the workflow.
 */
export function compiledWorkflowForLocalRun(name: string): { source: string; fileName: string } {
  const fileName = `${name}.json`;
  return { source: readDist(fileName), fileName };
}
