import { execFileSync } from 'node:child_process';
import { bqtuneBin } from '../support/bin';

test('bqtune --help names the program', () => {
  const out = execFileSync(process.execPath, [bqtuneBin, '--help'], { encoding: 'utf8' });
  expect(out).toContain('Usage: bqtune');
});
