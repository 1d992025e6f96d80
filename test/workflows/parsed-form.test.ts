import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { compileTo, findStale } from '../../workflows/compile';
import { distDir } from '../../workflows/compiled';
import { pipelines } from '../../workflows/pipelines';
import { parseJson } from '../../emulator/workflows/json-values';
import { parseWorkflowSource } from '../../emulator/workflows';
import type * as Workflows from '../../emulator/workflows';

/**
 * A value with its kind spelled out, so a YAML integer and a JSON double (or the reverse) never compare
 * equal: `1` and `1.0` are different Workflows values.
 */
type Tagged = null | boolean | string | { int: string } | { double: number } | Tagged[] | [string, Tagged][];

function tagYaml(x: unknown): Tagged {
  if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
  if (typeof x === 'bigint') return { int: x.toString() };
  if (typeof x === 'number') return { double: x };
  if (Array.isArray(x)) return x.map(tagYaml);
  return Object.entries(x as Record<string, unknown>).map(([k, v]): [string, Tagged] => [k, tagYaml(v)]);
}

function tagWorkflows(x: unknown): Tagged {
  if (x instanceof Map) return [...x].map(([k, v]): [string, Tagged] => [String(k), tagWorkflows(v)]);
  if (Array.isArray(x)) return x.map(tagWorkflows);
  return tagYaml(x);
}

describe.each(Object.keys(pipelines))('workflows/dist/%s.json', (name) => {
  const yamlText = fs.readFileSync(path.join(distDir(), `${name}.yaml`), 'utf8');
  const jsonText = fs.readFileSync(path.join(distDir(), `${name}.json`), 'utf8');

  test('is the committed YAML as the yaml library parses it: same keys in order, kinds and values', () => {
    const doc = parseDocument(yamlText, { intAsBigInt: true, uniqueKeys: true });
    expect(doc.errors).toEqual([]);
    const fromYaml = tagYaml(doc.toJS());
    expect(tagWorkflows(parseJson(jsonText))).toEqual(fromYaml);
    // The comparison sees the difference between an integer and a double.
    expect(fromYaml).not.toEqual(
      tagYaml(
        JSON.parse(JSON.stringify(doc.toJS(), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))),
      ),
    );
  });

  test('reads as the same program as the YAML, with no deploy errors', () => {
    const fromYaml = parseWorkflowSource(yamlText, { fileName: `${name}.yaml` });
    const fromJson = parseWorkflowSource(jsonText, { fileName: `${name}.json` });
    expect(fromJson.deployErrors).toEqual([]);
    expect(fromYaml.deployErrors).toEqual([]);
    expect(fromJson.program).toEqual(fromYaml.program);
  });
});

test('the parsed form is read without loading the YAML parser, a YAML source still needs it', () => {
  jest.isolateModules(() => {
    jest.doMock('yaml', () => {
      throw new Error('yaml loaded');
    });
    const workflows = jest.requireActual<typeof Workflows>('../../emulator/workflows');
    const json = fs.readFileSync(path.join(distDir(), 'tune-and-evaluate.json'), 'utf8');
    expect(workflows.parseWorkflowSource(json, { fileName: 'tune-and-evaluate.json' }).program).toBeDefined();
    expect(() => workflows.parseWorkflowSource('main:\n  steps: []\n', { fileName: 'w.yaml' })).toThrow(
      'yaml loaded',
    );
  });
  jest.dontMock('yaml');
});

describe('compile --check of the parsed form', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-dist-'));
    compileTo(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a fresh compile writes a YAML and a parsed form per pipeline and is current', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(
      Object.keys(pipelines)
        .flatMap((name) => [`${name}.json`, `${name}.yaml`])
        .sort(),
    );
    expect(findStale(dir)).toEqual([]);
  });

  test('names a parsed form that differs from its YAML, is missing, or has no pipeline', () => {
    const file = path.join(dir, 'tune-and-evaluate.json');
    // Same content as a JavaScript value, but the first integer becomes a double: a different document.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/:(\d+)([,}\]])/, ':$1.0$2'));
    fs.rmSync(path.join(dir, 'batch-predict.json'));
    fs.writeFileSync(path.join(dir, 'old-pipeline.json'), '{}\n');
    expect(findStale(dir)).toEqual([
      { file: 'tune-and-evaluate.json', problem: 'differs' },
      { file: 'batch-predict.json', problem: 'missing' },
      { file: 'old-pipeline.json', problem: 'unexpected' },
    ]);
  });
});
