import fs from 'node:fs';
import path from 'node:path';
import { encodeJson } from '../emulator/workflows/json-values';
import { readWorkflowDocument } from '../emulator/workflows/parse-source';
import { pipelines } from './pipelines';

export interface CompileResult {
  written: string[];
  unchanged: string[];
}

export interface StaleFile {
  file: string;
  problem: 'missing' | 'differs' | 'unexpected';
}

/**
 * The parsed form of a compiled YAML: the same document as compact Workflows JSON (integers without and
 * doubles with a decimal point or exponent, map keys in document order), which the local interpreter reads
 * without a YAML parse (a Workflows source may be YAML or JSON:
 * https://cloud.google.com/workflows/docs/reference/syntax). It is derived from the YAML text itself, so it
 * holds what Google would read. Throws if `yaml` does not parse.
 */
export function parsedForm(yaml: string, file: string): string {
  const { raw, errors } = readWorkflowDocument(yaml, file);
  if (raw === undefined) throw new Error(errors.join('\n'));
  return `${encodeJson(raw)}\n`;
}

/** Every file `workflows/dist/` should hold: each pipeline's YAML and, beside it, its parsed form. */
function expectedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, build] of Object.entries(pipelines)) {
    const yaml = build();
    files.set(`${name}.yaml`, yaml);
    files.set(`${name}.json`, parsedForm(yaml, `${name}.yaml`));
  }
  return files;
}

/** Writes every pipeline's YAML and parsed form into `dir`, leaving files already current untouched. */
export function compileTo(dir: string): CompileResult {
  fs.mkdirSync(dir, { recursive: true });
  const result: CompileResult = { written: [], unchanged: [] };
  for (const [file, content] of expectedFiles()) {
    const target = path.join(dir, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) {
      result.unchanged.push(file);
    } else {
      fs.writeFileSync(target, content);
      result.written.push(file);
    }
  }
  return result;
}

/** Compares the committed YAML and parsed forms in `dir` with what the code produces now. */
export function findStale(dir: string): StaleFile[] {
  const expected = expectedFiles();
  const stale: StaleFile[] = [];
  for (const [file, content] of expected) {
    const target = path.join(dir, file);
    if (!fs.existsSync(target)) stale.push({ file, problem: 'missing' });
    else if (fs.readFileSync(target, 'utf8') !== content) stale.push({ file, problem: 'differs' });
  }
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f)) : [];
  for (const file of present) {
    if (!expected.has(file)) stale.push({ file, problem: 'unexpected' });
  }
  return stale;
}
