import path from 'node:path';

/** The compiled CLI; `npm test` builds it first (see the pretest script). */
export const bqtuneBin = path.join(__dirname, '..', '..', 'build', 'cli', 'main.js');
export const repoRoot = path.join(__dirname, '..', '..');
