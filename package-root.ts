import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, found from the TypeScript sources and from the build output alike. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('bqtune: cannot find the package root above ' + __dirname);
    dir = parent;
  }
  return dir;
}
