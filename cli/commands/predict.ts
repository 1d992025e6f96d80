import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import { showHidden } from '../visible-text';
import type * as PredictLocally from '../local/predict-locally';

/** `bqtune predict`'s flags as commander parses them; absent ones take the defaults of LocalPredictOptions. */
interface PredictFlags {
  /** `--serving`; absent: the only serving name with a champion. */
  serving?: string;
  /** `--out`; absent: `predictions.jsonl` in the run folder. */
  out?: string;
  key: string;
  input: string;
  stateDir: string;
  /** `--run-id`; absent: `predict_<timestamp>_<random>`. */
  runId?: string;
  /** `--warn-psi`, as typed (a decimal number; its range is the arguments schema's); absent: 0.2. */
  warnPsi?: string;
  /** `--json`: print the outcome as JSON; absent: as text. */
  json?: boolean;
}

interface PredictOutcome {
  champion: string;
  sourceRows: number;
  withoutInput: number;
  pending: number;
  succeeded: number;
  failed: number;
  retryable: number;
  drift: {
    computed: boolean;
    psi?: number;
    threshold?: number;
    warning?: boolean;
    reason?: string;
    by?: string;
    rows?: number;
    minRows?: number;
  };
}

function describeDrift(drift: PredictOutcome['drift']): string {
  if (!drift.computed) return `drift: not computed (${drift.reason ?? 'no reference'})`;
  const psi = (drift.psi ?? 0).toFixed(3);
  if (drift.warning)
    return `drift: WARNING population stability index ${psi} > ${drift.threshold} (by ${drift.by})`;
  if ((drift.rows ?? 0) < (drift.minRows ?? 0))
    return `drift: population stability index ${psi} over ${drift.rows} rows, fewer than ${drift.minRows}: too few to judge`;
  return `drift: population stability index ${psi} <= ${drift.threshold} (by ${drift.by})`;
}

/**
 * A flag's text as a number, written in decimal (`0.25`, `-1`, `2e-3`): Number() alone also reads `0x1`,
 * `0b1`, ` 2` and `Infinity`. Throws `FLAG: "TEXT" is not a decimal number`.
 */
function decimalFlag(flag: string, text: string): number {
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
    throw new Error(`${flag}: ${JSON.stringify(text)} is not a decimal number`);
  return Number(text);
}

export const register: Register = (program) => {
  program
    .command('predict')
    .description(
      "Run the batch-predict pipeline on the embedded local emulator: the serving name's champion answers every input row it has not answered yet",
    )
    .argument('<input>', 'JSONL or CSV file (CSV with a header row), one row per input')
    .option('--serving <name>', 'serving name (default: the only one with a champion)')
    .option(
      '--out <file>',
      'write the predictions here, JSONL or CSV by extension (default: in the run folder)',
    )
    .option('--key <column>', 'key column of the input', 'id')
    .option('--input <column>', 'text column of the input', 'input_text')
    .option('--state-dir <dir>', 'local warehouse and run folders', '.bqtune')
    .option('--run-id <id>', 'run id (default: predict_<timestamp>_<random>)')
    .option('--warn-psi <number>', 'warn when the population stability index exceeds this (default 0.2)')
    .option('--json', 'print the run outcome as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 predicted, 1 failed (no champion, bad input, ...).',
        '',
        'Examples:',
        '  $ bqtune predict examples/medical-specialty/new-notes.jsonl --out predictions.csv',
        '  $ bqtune predict examples/medical-specialty/new-notes.jsonl --serving medical_specialty --json',
      ].join('\n'),
    )
    .action(async (input: string, opts: PredictFlags) => {
      // Only the text's form is checked here; its range is the batch-predict arguments schema's, so the
      // refusal is the line trigger gives for the same value.
      const warnPsi = opts.warnPsi === undefined ? undefined : decimalFlag('--warn-psi', opts.warnPsi);
      const { predictLocally } = load<typeof PredictLocally>('../local/predict-locally');
      const result = await predictLocally({
        input: path.resolve(input),
        stateDir: path.resolve(opts.stateDir),
        servingName: opts.serving,
        keyColumn: opts.key,
        inputColumn: opts.input,
        out: opts.out === undefined ? undefined : path.resolve(opts.out),
        runId: opts.runId,
        warnPsi,
      });
      if (opts.json) {
        process.stdout.write(
          JSON.stringify(
            { runId: result.runId, state: result.state, outcome: result.outcome, out: result.out },
            null,
            2,
          ) + '\n',
        );
      } else if (result.state === 'SUCCEEDED') {
        const o = (result.outcome as { predictions: PredictOutcome }).predictions;
        process.stdout.write(
          [
            `run ${result.runId}: champion ${o.champion}`,
            `${o.sourceRows} input rows: ${o.pending} sent to the champion (${o.succeeded} succeeded, ${o.failed} failed, ${o.retryable} still retryable), ${o.sourceRows - o.withoutInput - o.pending} answered by it before, ${o.withoutInput} without input text (not sent)`,
            describeDrift(o.drift),
            `predictions: ${path.relative(process.cwd(), result.out ?? '') || result.out}`,
            `report: ${path.relative(process.cwd(), result.report) || result.report}`,
          ].join('\n') + '\n',
        );
      }
      if (result.state !== 'SUCCEEDED') {
        const error = result.outcome as { message?: string } | undefined;
        process.stderr.write(
          `batch-predict failed: ${showHidden(error?.message ?? JSON.stringify(result.outcome))}\n`,
        );
        process.exitCode = 1;
      }
    });
};
