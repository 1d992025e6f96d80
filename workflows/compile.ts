import fs from 'node:fs';
import path from 'node:path';
import { pipelines } from './pipelines';

export interface CompileResult {
  written: string[];
  unchanged: string[];
}

export interface StaleFile {
  file: string;
  problem: 'missing' | 'differs' | 'unexpected';
}

function expectedFiles(): Map<string, string> {
  return new Map(Object.entries(pipelines).map(([name, build]) => [`${name}.yaml`, build()]));
}

/** Writes every pipeline's YAML into `dir`, leaving files whose content is already current untouched. */
export function compileTo(dir: string): CompileResult {
  fs.mkdirSync(dir, { recursive: true });
  const result: CompileResult = { written: [], unchanged: [] };
  for (const [file, yaml] of expectedFiles()) {
    const target = path.join(dir, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === yaml) {
      result.unchanged.push(file);
    } else {
      fs.writeFileSync(target, yaml);
      result.written.push(file);
    }
  }
  return result;
}

/** Compares the committed YAML in `dir` with what the code produces now. */
export function findStale(dir: string): StaleFile[] {
  const expected = expectedFiles();
  const stale: StaleFile[] = [];
  for (const [file, yaml] of expected) {
    const target = path.join(dir, file);
    if (!fs.existsSync(target)) stale.push({ file, problem: 'missing' });
    else if (fs.readFileSync(target, 'utf8') !== yaml) stale.push({ file, problem: 'differs' });
  }
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
  for (const file of present) {
    if (!expected.has(file)) stale.push({ file, problem: 'unexpected' });
  }
  return stale;
}
