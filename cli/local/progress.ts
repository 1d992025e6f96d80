import pc from 'picocolors';
import type { ExecutionEvent } from '../../emulator/workflows';

/** The pipeline's stages, keyed by the main-routine step that starts each one. */
export const stages: Record<string, string> = {
  validate_arguments: 'validate run arguments',
  record_start: 'record run start',
  load_data: 'load train ∥ eval',
  check_data: 'check data',
  fingerprint_train: 'fingerprint data, derive content keys',
  prepare_prompts: 'prepare prompts',
  baseline_and_tuning: 'baseline eval ∥ LoRA tune',
  tuned_eval: 'tuned eval',
  find_champion: 'champion eval',
  gate: 'gate',
  deploy_init: 'deploy',
  record_outcome: 'record outcome',
};

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  /** Rows generated so far (model invocations), read on every redraw. */
  rowsProcessed: () => number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/**
 * Shows one line per finished stage (✓, elapsed time, rows generated in it) and, on a terminal, a spinner
 * line for the running stage. Without a terminal it prints only the finished lines, so logs stay clean.
 */
export class Progress {
  private current?: { label: string; started: number; rowsAtStart: number };
  private timer?: NodeJS.Timeout;
  private frame = 0;
  private readonly tty: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.tty = Boolean(options.stream.isTTY);
  }

  onEvent = (event: ExecutionEvent): void => {
    if (event.routine !== 'main' || event.type !== 'step-start') return;
    const label = stages[event.step];
    if (label !== undefined) this.begin(label);
  };

  private begin(label: string): void {
    this.finishCurrent('done');
    this.current = { label, started: Date.now(), rowsAtStart: this.options.rowsProcessed() };
    if (this.tty && !this.timer) this.timer = setInterval(() => this.redraw(), 100);
    this.redraw();
  }

  private redraw(): void {
    if (!this.tty || !this.current) return;
    const c = this.current;
    const rows = this.options.rowsProcessed() - c.rowsAtStart;
    const detail = rows > 0 ? `, ${rows} rows generated` : '';
    this.frame = (this.frame + 1) % frames.length;
    this.options.stream.write(
      `\r\x1b[2K${pc.cyan(frames[this.frame])} ${c.label} ${pc.dim(`(${seconds(Date.now() - c.started)}${detail})`)}`,
    );
  }

  private finishCurrent(outcome: 'done' | 'failed'): void {
    const c = this.current;
    if (!c) return;
    const rows = this.options.rowsProcessed() - c.rowsAtStart;
    const mark = outcome === 'done' ? pc.green('✓') : pc.red('✗');
    const detail = rows > 0 ? `, ${rows} rows generated` : '';
    this.options.stream.write(
      `${this.tty ? '\r\x1b[2K' : ''}${mark} ${c.label} ${pc.dim(`(${seconds(Date.now() - c.started)}${detail})`)}\n`,
    );
    this.current = undefined;
  }

  /** Ends the display: the running stage is marked done or failed. */
  stop(outcome: 'done' | 'failed'): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.finishCurrent(outcome);
  }
}
