import fs from 'node:fs';
import path from 'node:path';
import { initProject } from '../../../cli/authoring/init-project';
import { tempDir } from '../local/fixtures';

/**
 * `init --force` writes only the starter's own files and only inside its folder: a path on the way that is
 * a symbolic link, or a file where a folder must be (or a folder where a file must be), is refused in one
 * line before anything is written.
 */
describe('initProject refuses what it cannot write inside its folder, writing nothing', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir('init-project');
  });
  const tree = (dir: string) => fs.readdirSync(dir).sort();

  test('a data folder that is a symbolic link to a folder outside', () => {
    const dir = path.join(root, 'task');
    const outside = path.join(root, 'outside');
    fs.mkdirSync(dir);
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(dir, 'data'));
    expect(() => initProject(dir, 'classification', { force: true })).toThrow(
      new RegExp(`^${dir}/data is a symbolic link; bqtune init writes only inside ${dir}$`),
    );
    expect(tree(outside)).toEqual([]);
    expect(tree(dir)).toEqual(['data']);
  });

  test('a starter file that is a symbolic link', () => {
    const dir = path.join(root, 'task');
    const outside = path.join(root, 'elsewhere.yaml');
    fs.mkdirSync(dir);
    fs.writeFileSync(outside, 'mine\n');
    fs.symlinkSync(outside, path.join(dir, 'config.yaml'));
    expect(() => initProject(dir, 'classification', { force: true })).toThrow(
      /config\.yaml is a symbolic link; bqtune init writes only inside/,
    );
    expect(fs.readFileSync(outside, 'utf8')).toBe('mine\n');
  });

  test('a file named data, or a folder named like a starter file', () => {
    const dir = path.join(root, 'task');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'data'), 'mine\n');
    expect(() => initProject(dir, 'classification', { force: true })).toThrow(
      new RegExp(`^${dir}/data exists and is not a folder$`),
    );
    expect(tree(dir)).toEqual(['data']);

    const other = path.join(root, 'other');
    fs.mkdirSync(path.join(other, 'data', 'eval.jsonl'), { recursive: true });
    expect(() => initProject(other, 'classification', { force: true })).toThrow(
      new RegExp(`^${other}/data/eval\\.jsonl exists and is not a file$`),
    );
    expect(tree(other)).toEqual(['data']);
    expect(tree(path.join(other, 'data'))).toEqual(['eval.jsonl']);
  });
});
