/**
 * The README's layout table and the folders agree: every folder a row names exists, every top-level folder
 * of the project is named (alone or by one of its subfolders), and in the folders split by concern
 * (`cli/`, `emulator/`, `workflows/`) every subfolder has its own row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/bin';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const table = readme.slice(
  readme.indexOf('## Layout'),
  readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
);
const named = [...table.matchAll(/^\| ([^|]+)\|/gm)]
  .flatMap((row) => [...row[1].matchAll(/`([^`]+\/)`/g)].map((match) => match[1]))
  .filter((folder) => folder !== 'folder');

/** Folders of the project itself: not hidden, not installed or generated. */
const ignored = new Set(['node_modules', 'build', 'coverage', 'reports']);
/** Whether a folder holds a file at any depth: git keeps no empty folder, so a clone has none of them. */
const holdsFiles = (dir: string): boolean =>
  fs
    .readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .some((entry) => !entry.isDirectory() || holdsFiles(path.join(dir, entry.name)));
const foldersIn = (dir: string): string[] =>
  fs
    .readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !ignored.has(entry.name))
    .map((entry) => `${dir === '' ? '' : dir}${entry.name}/`)
    .filter(holdsFiles);

test('the layout table names folders', () => {
  expect(named.length).toBeGreaterThan(10);
});

test.each(named)('%s exists', (folder) => {
  expect(fs.statSync(path.join(repoRoot, folder)).isDirectory()).toBe(true);
});

test.each(foldersIn(''))('%s is in the layout table', (folder) => {
  expect(named.some((row) => row.startsWith(folder)) ? folder : `${folder} has no row`).toBe(folder);
});

test.each(['cli/', 'emulator/', 'workflows/'].flatMap(foldersIn))('%s has its own row', (folder) => {
  expect(named.includes(folder) ? folder : `${folder} has no row`).toBe(folder);
});
