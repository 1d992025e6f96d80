import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bqtuneBin } from '../support/bin';
import { tempDir } from './local/fixtures';

/** `bqtune workflow run` as a process: the stricter language readings reach the user unchanged. */
function workflowRun(source: string): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(tempDir('wf-lang'), 'lang.yaml');
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [bqtuneBin, 'workflow', 'run', file], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a string plus a number fails the execution with a TypeError', () => {
  const r = workflowRun(`- r:\n    return: '\${"count: " + 42}'\n`);
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stderr).tags).toEqual(['TypeError']);
});

test('keys() of a map comes back sorted', () => {
  const r = workflowRun(
    '- init:\n    assign:\n      - m:\n          zeta: 1\n          alpha: 2\n          mid: 3\n          beta: 4\n' +
      '- r:\n    return: ${keys(m)}\n',
  );
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(['alpha', 'beta', 'mid', 'zeta']);
});

test('text.replace_all_regex leaves backreferences in repl as they are', () => {
  const r = workflowRun(
    '- r:\n    return: ${text.replace_all_regex("ab_12", "([a-z]+)_([0-9]+)", "\\\\2_\\\\1")}\n',
  );
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toBe('\\2_\\1');
});
