import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { initProject } from '../../../cli/authoring/init-project';
import { runLocally } from '../../../cli/local/run-locally';
import { bqtuneBin } from '../../support/bin';
import { queryState, table, tempDir } from '../local/fixtures';

const bqtune = (args: string[]) => spawnSync(process.execPath, [bqtuneBin, ...args], { encoding: 'utf8' });

/**
 * `bqtune champion` without a name means the only serving name that has a champion, as `bqtune predict`
 * does (it meant the bundled example's `medical_specialty`, whatever the state folder held).
 */
describe('bqtune champion without a serving name', () => {
  const stateDir = tempDir('champion-default-state');
  const dir = tempDir('champion-default');
  initProject(dir, 'summarization');
  const config = path.join(dir, 'config.yaml');

  test('no champion yet: one line, exit 1', () => {
    const cli = bqtune(['champion', '--state-dir', stateDir]);
    expect([cli.status, cli.stderr]).toEqual([
      1,
      'bqtune: no serving name has a champion yet: run `bqtune run` until a model is promoted\n',
    ]);
  });

  test('one serving name with a champion: shown, and its table function switched', async () => {
    const { summary } = await runLocally({ configFile: config, stateDir, runId: 'run_default_name' });
    expect(summary.deployed).toBe(true);
    const shown = bqtune(['champion', '--json', '--state-dir', stateDir]);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      servingName: 'meeting_summary',
      champion: summary.tuned!.model,
    });
    const switched = bqtune(['champion', '--switch-function', '--state-dir', stateDir]);
    expect(switched.status).toBe(0);
    expect(switched.stdout).toContain(`the table function meeting_summary serves ${summary.tuned!.model}\n`);
    const notes = table('default_name_notes');
    await queryState(
      stateDir,
      `CREATE OR REPLACE TABLE ${notes} AS SELECT 'n1' AS id, 'Notes. More.' AS input_text`,
    );
    const served = await queryState(
      stateDir,
      `SELECT model_name FROM bqtune.meeting_summary(TABLE ${notes})`,
    );
    expect(served).toEqual([{ model_name: summary.tuned!.model }]);
  });

  test('two serving names with a champion: the user must choose, and is told the names', async () => {
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(
      other,
      fs.readFileSync(config, 'utf8').replace('servingName: meeting_summary', 'servingName: notes_summary'),
    );
    const { summary } = await runLocally({ configFile: other, stateDir, runId: 'run_other_name' });
    expect(summary.deployed).toBe(true);
    const cli = bqtune(['champion', '--switch-function', '--state-dir', stateDir]);
    expect([cli.status, cli.stderr]).toEqual([
      1,
      'bqtune: several serving names have a champion (meeting_summary, notes_summary): name one\n',
    ]);
  });
});
