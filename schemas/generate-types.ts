import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import type { JSONSchema } from 'json-schema-to-typescript';
import { schemasDir, sourceSchemaDocuments } from './documents';
import type { SchemaDocument } from './documents';

/** The committed output, next to the schemas it is generated from. */
export const generatedTypesFile = path.join(schemasDir, 'types.generated.ts');

const banner = [
  '/* Generated from the JSON Schemas in this folder by `bqtune schemas`; do not edit by hand. */',
  '/* Types describe validated values: options with a default are always present. */',
].join('\n');

const rootName = 'BqtuneSchemas';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords that only constrain values in ways TypeScript cannot express; left to the validators. */
const validationOnly = new Set(['if', 'then', 'else']);

/**
 * Rewrites one schema for the type generator: references to another file become local, a property with a
 * default becomes required (ajv fills it in before any caller sees the value), and conditional constraints go.
 */
function forTypes(node: Json): Json {
  if (Array.isArray(node)) return node.map(forTypes);
  if (!isObject(node)) return node;
  // Keywords beside a $ref would make the generator declare a copy of the referenced type.
  if (typeof node.$ref === 'string') {
    const fragment = node.$ref.indexOf('#');
    if (fragment < 0) throw new Error(`schemas: $ref ${node.$ref} must point into $defs`);
    return { $ref: node.$ref.slice(fragment) };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (validationOnly.has(key)) continue;
    if (key === 'allOf' && Array.isArray(value)) {
      const kept = value.map(forTypes).filter((part) => !isObject(part) || Object.keys(part).length > 0);
      if (kept.length > 0) out.allOf = kept;
      continue;
    }
    out[key] = forTypes(value);
  }
  const properties = node.properties;
  if (isObject(properties)) {
    const required = Array.isArray(node.required) ? node.required : [];
    const defaulted = Object.keys(properties).filter((key) => {
      const property = properties[key];
      return isObject(property) && property.default !== undefined && !required.includes(key);
    });
    if (defaulted.length > 0) out.required = [...required, ...defaulted];
  }
  return out;
}

/**
 * All documents as one schema whose `$defs` hold every document and every shared definition, so each type is
 * declared once however many documents use it.
 */
function combinedSchema(documents: readonly SchemaDocument[]): JsonObject {
  const defs: JsonObject = {};
  const add = (name: string, schema: Json, from: string) => {
    if (name in defs) throw new Error(`schemas: $defs/${name} of ${from} is defined twice`);
    defs[name] = schema;
  };
  for (const document of documents) {
    const { $defs, $id: _id, $schema: _schema, ...root } = document.schema as JsonObject;
    if (isObject($defs))
      for (const [name, def] of Object.entries($defs)) add(name, forTypes(def), document.file);
    // The shared definitions file has no root type of its own.
    if (typeof root.title === 'string' && root.type !== undefined)
      add(root.title, forTypes(root), document.file);
  }
  return { title: rootName, $defs: defs };
}

// json-schema-to-typescript's unformatted output, which prettier formats afterwards.
const rootDeclaration = `export interface ${rootName} {\n[k: string]: unknown | undefined\n}\n`;

/** Drops the combined schema's own (empty) type and the comments saying which `$defs` key each type came from. */
function withoutGeneratorNoise(code: string): string {
  if (!code.includes(rootDeclaration))
    throw new Error('schemas: unexpected output from json-schema-to-typescript');
  return code
    .replace(rootDeclaration, '')
    .replace(/\n \* ?\n \* This interface was referenced by .*\n \* via the `definition` .*/g, '')
    .replace(/\/\*\*\n \* This interface was referenced by .*\n \* via the `definition` .*\n \*\/\n/g, '');
}

/** Formats like `prettier --write` on the committed file does, so the output passes the format check as is. */
function prettier(code: string, file: string): string {
  const bin = require.resolve('prettier/bin/prettier.cjs');
  // A separate process: prettier 3 loads itself with a dynamic import, which jest's module sandbox refuses.
  return execFileSync(process.execPath, [bin, '--stdin-filepath', file], { input: code, encoding: 'utf8' });
}

/** The content `types.generated.ts` must have for the schemas as they are now. */
export async function generateTypes(
  documents: readonly SchemaDocument[] = sourceSchemaDocuments(),
): Promise<string> {
  const raw = await compile(combinedSchema(documents) as JSONSchema, rootName, {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    unknownAny: true,
    ignoreMinAndMaxItems: true,
    format: false,
  });
  return prettier(withoutGeneratorNoise(raw), generatedTypesFile);
}

/** Whether the committed file (or `file`) matches the schemas; writes it unless `check` is set. */
export async function syncGeneratedTypes(options: {
  check: boolean;
  file?: string;
}): Promise<{ file: string; stale: boolean }> {
  const file = options.file ?? generatedTypesFile;
  const expected = await generateTypes();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const stale = current !== expected;
  if (stale && !options.check) fs.writeFileSync(file, expected);
  return { file, stale };
}
