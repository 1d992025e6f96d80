import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import {
  generatedValidatorsFile,
  generateValidators,
  syncGeneratedValidators,
  validatedSchemaFiles,
} from '../../schemas/generate-validators';
import { sourceSchemaDocuments } from '../../schemas/documents';
import type * as Validate from '../../schemas/validate';
import { exampleRunArguments, minimalConfig } from './fixtures';

let generated: string;
beforeAll(() => {
  generated = generateValidators();
});

test('the committed validators are what the schemas generate now', () => {
  expect(fs.readFileSync(generatedValidatorsFile, 'utf8')).toBe(generated);
});

test('one precompiled validator per schema file with a root type, the shared definitions only inlined', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const precompiled = require('../../schemas/validators.generated') as Record<string, unknown>;
  const files = sourceSchemaDocuments().map((d) => d.file);
  expect(Object.keys(precompiled).sort()).toEqual(
    files.filter((f) => f !== 'definitions.schema.json').sort(),
  );
  expect(validatedSchemaFiles(sourceSchemaDocuments())).toHaveLength(files.length - 1);
});

/**
 * The same verdicts, errors and filled-in defaults as ajv compiling the schema files at run time with the
 * options the validators are documented to use, for valid values and for values broken in each way.
 */
describe('precompiled validators answer as ajv compiling the schemas at run time', () => {
  const runtime = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
  });
  addFormats(runtime, ['date-time']);
  for (const document of sourceSchemaDocuments()) runtime.addSchema(document.schema);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const precompiled = require('../../schemas/validators.generated') as Record<string, ValidateFunction>;

  const cases: [string, string, unknown][] = [
    ['pipeline-config.schema.json', 'minimal', minimalConfig],
    [
      'pipeline-config.schema.json',
      'no name, bad labels',
      { ...minimalConfig, name: 3, task: { labels: [] } },
    ],
    [
      'pipeline-config.schema.json',
      'out-of-range tuning',
      {
        ...minimalConfig,
        model: { baseEndpoint: 'x', tuning: { maxIterations: 0, learningRateMultiplier: -1 } },
      },
    ],
    ['run-arguments.schema.json', 'example', exampleRunArguments()],
    [
      'run-arguments.schema.json',
      'gs-less data, extra key',
      { ...exampleRunArguments(), data: { train: 'a' }, x: 1 },
    ],
    ['example-row.schema.json', 'row', { input_text: 'a', output_text: 'b', extra: 1 }],
    ['example-row.schema.json', 'numbers', { input_text: 1 }],
    [
      'evaluation-record.schema.json',
      'bad time',
      { run_id: 'r', created_at: 'yesterday', metric: 'f1', value: 'high' },
    ],
    ['run-summary.schema.json', 'empty', {}],
    ['batch-predict-arguments.schema.json', 'empty', {}],
    ['stack-config.schema.json', 'wrong type', []],
  ];
  test.each(cases)('%s: %s', (file, _name, value) => {
    const expected = runtime.getSchema(file)!;
    const actual = precompiled[file];
    const a: unknown = structuredClone(value);
    const b: unknown = structuredClone(value);
    const verdict = expected(a);
    expect(actual(b)).toBe(verdict);
    expect(actual.errors ?? null).toEqual(expected.errors ?? null);
    expect(b).toEqual(a);
  });

  test('the cases include valid and invalid values, and valid ones get defaults', () => {
    const verdicts = cases.map(([file, , value]) => runtime.getSchema(file)!(structuredClone(value)));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    const filled = structuredClone(minimalConfig) as Record<string, unknown>;
    expect(precompiled['pipeline-config.schema.json'](filled)).toBe(true);
    expect(filled).toHaveProperty('model.tuning.maxIterations');
  });
});

test('a schema change shows up in the generated validators', () => {
  const documents = sourceSchemaDocuments().map((document) =>
    document.file === 'example-row.schema.json'
      ? {
          ...document,
          schema: {
            ...document.schema,
            properties: {
              ...(document.schema as { properties: object }).properties,
              weight: { type: 'number' },
            },
          },
        }
      : document,
  );
  const changed = generateValidators(documents);
  expect(changed).not.toBe(generated);
  expect(changed).toContain('"weight"');
});

test('validation loads neither ajv nor its compiler at run time', () => {
  jest.isolateModules(() => {
    for (const id of ['ajv', 'ajv/dist/2020', 'ajv/dist/core', 'ajv-formats']) {
      jest.doMock(id, () => {
        throw new Error(`${id} loaded`);
      });
    }
    const { validatePipelineConfig } = jest.requireActual<typeof Validate>('../../schemas/validate');
    expect(validatePipelineConfig(minimalConfig).model.tuning.maxIterations).toBeGreaterThan(0);
    expect(() => validatePipelineConfig({ ...minimalConfig, name: '' })).toThrow(/name/);
  });
  for (const id of ['ajv', 'ajv/dist/2020', 'ajv/dist/core', 'ajv-formats']) jest.dontMock(id);
});

test('syncGeneratedValidators only reports a stale file with check, and rewrites it without', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-validators-'));
  try {
    const file = path.join(dir, 'validators.generated.ts');
    fs.writeFileSync(file, 'stale');
    expect(syncGeneratedValidators({ check: true, file })).toEqual({ file, stale: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('stale');
    expect(syncGeneratedValidators({ check: false, file })).toEqual({ file, stale: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
    expect(syncGeneratedValidators({ check: true, file })).toEqual({ file, stale: false });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
