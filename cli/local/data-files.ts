import crypto from 'node:crypto';
import fs from 'node:fs';
import { normalizeInput } from '../../bigquery';
import type { DataCheckFinding, FindingExample } from '../../schemas/types.generated';

/** One line of a JSONL example file: its 1-based number and the two fields the pipeline reads. */
export interface ExampleLine {
  line: number;
  input: unknown;
  output: unknown;
}

/** A user's example file, read line by line so a finding can point back at it. */
export interface ExampleFile {
  /** The path as the user gave it (resolved against the config's folder). */
  file: string;
  lines: ExampleLine[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a newline-delimited JSON file the way LOAD DATA will: blank lines are skipped, every other line
 * must be a JSON object. Throws one Error naming the file and line of the first line that is not valid
 * UTF-8 or not a JSON object (a truncated last line included), before anything is uploaded.
 */
export function readExampleFile(file: string): ExampleFile {
  const bytes = fs.readFileSync(file);
  const lines: ExampleLine[] = [];
  let start = 0;
  for (let number = 1; start < bytes.length || number === 1; number++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let text: string;
    try {
      text = utf8.decode(bytes.subarray(start, end));
    } catch {
      throw new Error(`${file}:${number}: the line is not valid UTF-8`);
    }
    start = end + 1;
    if (text.trim() === '') {
      if (end >= bytes.length) break;
      continue;
    }
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file}:${number}: not a JSON object (${(err as Error).message})`, { cause: err });
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new Error(`${file}:${number}: not a JSON object`);
    }
    const fields = row as Record<string, unknown>;
    lines.push({ line: number, input: fields.input_text, output: fields.output_text });
    if (end >= bytes.length) break;
  }
  return { file, lines };
}

/** The key the data-checks query gives an input: hex SHA-256 of its normalised text ('' when missing). */
export function inputKey(input: unknown): string {
  const text = typeof input === 'string' ? normalizeInput(input) : '';
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Adds to each finding's examples the lines of the user's files they come from: every line of the finding's
 * split (both files for leakage and conflicting labels) whose input has the example's key and, when the
 * finding is about the row's own label, whose output_text is that label. Returns new findings.
 */
export function locateFindings(
  findings: readonly DataCheckFinding[],
  files: { train: ExampleFile; eval: ExampleFile },
): DataCheckFinding[] {
  const byKey = new Map<ExampleFile, Map<string, ExampleLine[]>>();
  const index = (file: ExampleFile) => {
    let map = byKey.get(file);
    if (map === undefined) {
      map = new Map();
      for (const line of file.lines) {
        const key = inputKey(line.input);
        map.set(key, [...(map.get(key) ?? []), line]);
      }
      byKey.set(file, map);
    }
    return map;
  };
  return findings.map((finding) => {
    const sources =
      finding.split === 'train'
        ? [files.train]
        : finding.split === 'eval' && finding.kind !== 'leakage'
          ? [files.eval]
          : [files.train, files.eval];
    const examples = (finding.examples ?? []).map((example: string | FindingExample) => {
      if (typeof example === 'string' || example.key === undefined) return example;
      const aboutLabel = example.with_label === true;
      const lines = sources.flatMap((source) =>
        (index(source).get(example.key!) ?? [])
          .filter((l) => !aboutLabel || (l.output ?? null) === example.label)
          .map((l) => ({ file: source.file, line: l.line })),
      );
      return { ...example, lines };
    });
    return { ...finding, examples };
  });
}
