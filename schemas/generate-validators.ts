import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';
import { schemasDir, sourceSchemaDocuments } from './documents';
import type { SchemaDocument } from './documents';

/** The committed output, next to the schemas it is generated from; `validate.ts` loads it. */
export const generatedValidatorsFile = path.join(schemasDir, 'validators.generated.ts');

/** The documents with a root type of their own; the shared definitions file is only `$ref`ed. */
export const validatedSchemaFiles = (documents: readonly SchemaDocument[]): string[] =>
  documents.map((d) => d.file).filter((file) => file !== 'definitions.schema.json');

// ajv's code is JavaScript that no TypeScript check or lint rule is written for; the build compiles it as is.
const banner = [
  '/* eslint-disable */',
  '/* Generated from the JSON Schemas in this folder by `bqtune schemas`; do not edit by hand. */',
  "/* ajv's standalone validators (https://ajv.js.org/standalone.html): one export per schema file name. */",
  '// @ts-nocheck',
].join('\n');

/**
 * The content `validators.generated.ts` must have for the schemas as they are now: ajv's standalone code
 * (https://ajv.js.org/standalone.html, `standaloneCode(ajv, {exportName: schemaId})`) for every schema,
 * compiled once here with the options the validators need — every error (`allErrors`) with its schema and
 * data (`verbose`, read by messages.ts), defaults filled in (`useDefaults`), strict schemas, and the
 * `date-time` format of ajv-formats. Each export is keyed by its schema's file name (its `$id`).
 */
export function generateValidators(documents: readonly SchemaDocument[] = sourceSchemaDocuments()): string {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    code: { source: true, lines: true },
  });
  addFormats(ajv, ['date-time']);
  for (const document of documents) ajv.addSchema(document.schema);
  const exported = Object.fromEntries(validatedSchemaFiles(documents).map((file) => [file, file]));
  // `export {}` makes the file a module to TypeScript; ajv's code sets `exports[...]` itself.
  return `${banner}\n${standaloneCode(ajv, exported)}\nexport {};\n`;
}

/** Whether the committed file (or `file`) matches the schemas; writes it unless `check` is set. */
export function syncGeneratedValidators(options: { check: boolean; file?: string }): {
  file: string;
  stale: boolean;
} {
  const file = options.file ?? generatedValidatorsFile;
  const expected = generateValidators();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const stale = current !== expected;
  if (stale && !options.check) fs.writeFileSync(file, expected);
  return { file, stale };
}
