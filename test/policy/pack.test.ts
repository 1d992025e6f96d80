import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { parse } from 'yaml';
import { repoRoot } from '../support/bin';

/**
 * Pulumi installs and runs a policy pack from its own folder: it needs its own PulumiPolicy.yaml and package
 * manifest, and may import nothing from the repository around it.
 */
const pack = path.join(repoRoot, 'policy');
const sources = fs.readdirSync(pack).filter((f) => f.endsWith('.ts'));

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(pack, file), 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

test('PulumiPolicy.yaml runs the pack entry file with the Node.js runtime', () => {
  const manifest = parse(fs.readFileSync(path.join(pack, 'PulumiPolicy.yaml'), 'utf8')) as {
    runtime: { name: string };
    main?: string;
  };
  expect(manifest.runtime.name).toBe('nodejs');
  expect(fs.existsSync(path.join(pack, manifest.main ?? 'index.js'))).toBe(true);
});

test('every import is a file of the pack or a dependency of its own manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const imports = sources.flatMap(importsOf);
  expect(imports).toContain('@pulumi/policy');
  for (const spec of imports) {
    if (spec.startsWith('.')) {
      const target = path.resolve(pack, spec);
      expect(path.relative(pack, target).startsWith('..')).toBe(false);
      expect(fs.existsSync(`${target}.ts`)).toBe(true);
    } else if (!builtinModules.includes(spec.replace(/^node:/, ''))) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      expect(Object.keys(manifest.dependencies)).toContain(name);
    }
  }
});

test("the lockfile pins the manifest's dependencies", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const lock = JSON.parse(fs.readFileSync(path.join(pack, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
  };
  expect(lock.packages[''].dependencies).toEqual(manifest.dependencies);
  for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]) {
    expect(lock.packages[`node_modules/${name}`]?.version).toMatch(/^\d+\.\d+\.\d+/);
  }
});
