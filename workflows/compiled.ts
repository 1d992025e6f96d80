import fs from 'node:fs';
import path from 'node:path';

/** Folder of the committed, compiled workflow sources (what pull requests review and Pulumi deploys). */
export function distDir(): string {
  let dir = __dirname;
  // Works from the TypeScript sources and from the build output alike: find the package root.
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('bqtune: cannot find the package root above ' + __dirname);
    dir = parent;
  }
  return path.join(dir, 'workflows', 'dist');
}

/** The committed YAML of one pipeline, e.g. `tune-and-evaluate`. */
export function compiledWorkflowSource(name: string): string {
  const file = path.join(distDir(), `${name}.yaml`);
  if (!fs.existsSync(file)) {
    throw new Error(`bqtune: ${path.relative(process.cwd(), file)} is missing; run \`bqtune compile\``);
  }
  return fs.readFileSync(file, 'utf8');
}
