import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { register } from '../../cli/commands/schemas';
import { generatedTypesFile, generateTypes, syncGeneratedTypes } from '../../schemas/generate-types';
import { sourceSchemaDocuments } from '../../schemas/documents';

// json-schema-to-typescript loads prettier on import, and prettier 3 loads itself with a dynamic import that
// jest's sandbox refuses. The generator formats in a child process instead, so the in-process copy is unused.
jest.mock('prettier', () => ({}));

let generated: string;
beforeAll(async () => {
  generated = await generateTypes();
});

test('the committed types are what the schemas generate now', () => {
  expect(fs.readFileSync(generatedTypesFile, 'utf8')).toBe(generated);
});

test('options with a default are required in the types, options without one stay optional', () => {
  expect(generated).toContain('  maxIterations: number;\n');
  expect(generated).toContain('  dataSplitEvalFraction?: number;\n');
  expect(generated).toContain('  checks: DataChecks;\n');
  expect(generated).toContain('  description?: string;\n');
});

test('each shared definition is declared once, whichever documents use it', () => {
  for (const name of [
    'Task',
    'ModelSettings',
    'TuningOptions',
    'DataChecks',
    'GateOptions',
    'DeployOptions',
  ]) {
    expect(generated.match(new RegExp(`export interface ${name}\\d* \\{`, 'g'))).toEqual([
      `export interface ${name} {`,
    ]);
  }
  expect(generated).toContain("export type CheckAction = 'fail' | 'warn';");
  expect(generated).not.toContain('BqtuneSchemas');
});

test('a schema change shows up in the generated types', async () => {
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
  expect(await generateTypes(documents)).toContain('  weight?: number;\n');
});

describe('bqtune schemas', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-types-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('syncGeneratedTypes only reports a stale file with check, and rewrites it without', async () => {
    const file = path.join(dir, 'types.generated.ts');
    fs.writeFileSync(file, 'stale');
    expect(await syncGeneratedTypes({ check: true, file })).toEqual({ file, stale: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('stale');
    expect(await syncGeneratedTypes({ check: false, file })).toEqual({ file, stale: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });

  test('`schemas --check` passes on the committed file', async () => {
    const program = new Command().exitOverride();
    register(program);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'bqtune', 'schemas', '--check']);
      expect(out).toHaveBeenCalledWith(expect.stringMatching(/types\.generated\.ts is up to date\n$/));
      expect(process.exitCode).toBeUndefined();
    } finally {
      out.mockRestore();
    }
  });
});
