import fs from 'node:fs';
import path from 'node:path';
import { buildPredictArguments } from '../../../cli/deployment/predict-arguments';
import { buildRunArguments } from '../../../cli/deployment/run-arguments';
import { localTarget } from '../../../cli/deployment/target';
import { predictLocally } from '../../../cli/local/predict-locally';
import { runLocally } from '../../../cli/local/run-locally';
import { SchemaValidationError } from '../../../schemas/messages';
import { exampleVariant, tempDir } from '../local/fixtures';

/** The error `run` threw, for comparing two paths' refusals. */
async function refusal(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

/** Nothing under `dir` but folders: no file was written. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((entry) =>
        fs.statSync(path.join(dir, entry)).isFile(),
      )
    : [];

describe('one builder per pipeline turns a config into workflow arguments, on every path', () => {
  test('batch-predict: `bqtune predict` and trigger refuse a drift threshold above 10 with the same field line', async () => {
    const dir = tempDir('args-predict');
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, '{"id": "1", "input_text": "a note"}\n');
    const argumentsFile = path.join(dir, 'predict.json');
    fs.writeFileSync(
      argumentsFile,
      JSON.stringify({
        servingName: 'medical_specialty',
        source: { uri: 'in.jsonl' },
        drift: { warnPsi: 50 },
      }),
    );
    const gcs = tempDir('args-predict-gcs');
    const triggered = await refusal(() =>
      buildPredictArguments({ argumentsFile, target: localTarget, runId: 'predict_bad', localGcsDir: gcs }),
    );
    const stateDir = tempDir('args-predict-state');
    const local = await refusal(() =>
      predictLocally({
        input,
        stateDir,
        servingName: 'medical_specialty',
        runId: 'predict_bad',
        warnPsi: 50,
      }),
    );
    for (const error of [triggered, local]) {
      expect(error).toBeInstanceOf(SchemaValidationError);
      expect((error as SchemaValidationError).issues.map((issue) => issue.path)).toEqual(['drift.warnPsi']);
    }
    const line = (error: Error) => error.message.split('\n').slice(1);
    expect(line(local)).toEqual(line(triggered));
    expect(line(local)).toHaveLength(1);
    expect(line(local)[0]).toMatch(/^ {2}drift\.warnPsi /);
    expect(triggered.message.split('\n')[0]).toBe(`${argumentsFile} is invalid:`);
    expect(local.message.split('\n')[0]).toBe('batch-predict arguments is invalid:');
    // Refused before anything ran: no upload, no run folder.
    expect(filesUnder(gcs)).toEqual([]);
    expect(filesUnder(path.join(stateDir, 'gcs'))).toEqual([]);
    expect(fs.existsSync(path.join(stateDir, 'predictions', 'predict_bad'))).toBe(false);
  });

  test('tune-and-evaluate: `bqtune run` and trigger refuse a bad config field with the same line', async () => {
    const dir = tempDir('args-run');
    const configFile = exampleVariant(dir, { model: { tuning: { maxIterations: 0 } } });
    const gcs = tempDir('args-run-gcs');
    const triggered = await refusal(() =>
      buildRunArguments({ configFile, target: localTarget, runId: 'run_bad', localGcsDir: gcs }),
    );
    const stateDir = tempDir('args-run-state');
    const local = await refusal(() => runLocally({ configFile, stateDir, runId: 'run_bad' }));
    expect(local.message).toBe(triggered.message);
    expect(local.message.split('\n')).toEqual([
      `${configFile} is invalid:`,
      expect.stringMatching(/^ {2}model\.tuning\.maxIterations /),
    ]);
    expect(filesUnder(gcs)).toEqual([]);
    expect(filesUnder(path.join(stateDir, 'gcs'))).toEqual([]);
  });
});
