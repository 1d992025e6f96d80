import fs from 'node:fs';
import path from 'node:path';
import { loadPipelineConfig } from '../../schemas/pipeline-config-file';
import type { DataCheckFinding } from '../../schemas/types.generated';
import { promptLabelWarnings } from '../../schemas/validate';
import { readExampleFile } from '../local/data-files';
import { ensureData } from '../local/example-config';
import { candidateLabelsWarning } from './candidate-labels';
import { checkPipelineOffline } from './offline-pipeline-checks';
import { countPromptTokens, overLimitMessage, type PromptTokenReport } from './prompt-tokens';

/** One thing `bqtune check` has to say: an error fails the run (exit 1), a warning does not. */
export interface CheckItem {
  level: 'error' | 'warning';
  /**
   * What found it: `config`, `run_arguments` (the workflow's own validation), `data_checks`,
   * `prompt_labels`, `candidate_labels`, `input_tokens`.
   */
  check: string;
  message: string;
  file?: string;
  line?: number;
}

export interface CheckReport {
  config: string;
  /** 0 nothing would fail the run, 1 something would (see `items`). Unusable input throws instead (exit 2). */
  exitCode: 0 | 1;
  items: CheckItem[];
  /** The pipeline's data-check findings, located in the user's files, as a run records them. */
  dataChecks: DataCheckFinding[];
  rows: { train: number; eval: number };
  tokens: PromptTokenReport;
  /** Lines that say how something was checked (token counts that are estimates). */
  notes: string[];
}

export interface CheckOptions {
  /** Compare prompts with this many tokens; default the base model's documented input limit. */
  inputTokenLimit?: number;
  /** The day the base model is checked against its retirement date (default: now). */
  today?: Date;
  /** How file paths are shown (default: relative to the working folder). */
  display?: (file: string) => string;
}

const relative = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Checks a pipeline config and its data without running the pipeline and without touching a state folder:
 * the config as `bqtune run` reads it (schema, base-model lifecycle), both data files (UTF-8, one JSON
 * object a line), the workflow's argument validation and data checks run offline (see
 * checkPipelineOffline), the prompt's label
 * list against task.labels, whether the local base model can read candidate labels from the prompt, and
 * every row's prompt against the base endpoint's input token limit. Throws one Error naming the file,
 * line or field when the input is unusable (the command exits 2 then).
 */
export async function checkProject(configFile: string, options: CheckOptions = {}): Promise<CheckReport> {
  const display = options.display ?? relative;
  if (!fs.existsSync(configFile)) throw new Error(`config file not found: ${display(configFile)}`);
  if (fs.statSync(configFile).isDirectory())
    throw new Error(`${display(configFile)} is a folder, not a config file`);
  const items: CheckItem[] = [];
  const config = loadPipelineConfig(configFile, {
    today: options.today,
    warn: (message) => items.push({ level: 'warning', check: 'config', message }),
  });
  ensureData(configFile, config.data);
  for (const uri of [config.data.train, config.data.eval]) {
    if (uri.startsWith('gs://')) throw new Error(`${uri}: bqtune check reads local files, not Cloud Storage`);
  }
  // Read as `bqtune run` reads them: invalid UTF-8 or a line that is not a JSON object stops here.
  const files = {
    train: readExampleFile(display(config.data.train)),
    eval: readExampleFile(display(config.data.eval)),
  };

  for (const message of promptLabelWarnings(config))
    items.push({ level: 'warning', check: 'prompt_labels', message });
  const candidates = candidateLabelsWarning(config);
  if (candidates !== undefined)
    items.push({ level: 'warning', check: 'candidate_labels', message: candidates });

  const dataChecks = await checkPipelineOffline(configFile, config, files);
  for (const message of dataChecks.problems) items.push({ level: 'error', check: 'run_arguments', message });
  for (const finding of dataChecks.findings) {
    items.push({
      level: finding.severity === 'fail' ? 'error' : 'warning',
      check: 'data_checks',
      message: finding.message,
    });
  }

  const tokens = countPromptTokens(config, [files.train, files.eval], options.inputTokenLimit);
  const notes: string[] = [];
  if (tokens.limit === undefined) {
    items.push({
      level: 'warning',
      check: 'input_tokens',
      message: `input token limit not documented for ${tokens.model}: prompts were not compared with a limit`,
    });
  }
  for (const row of tokens.overLimit) {
    items.push({
      level: 'error',
      check: 'input_tokens',
      message: overLimitMessage(row, tokens),
      file: row.file,
      line: row.line,
    });
  }
  if (tokens.method === 'estimate' && tokens.prompts > 0) {
    notes.push(
      `token counts are estimates (4 characters a token): no tokenizer for ${tokens.model} is available offline`,
    );
  }
  return {
    config: display(configFile),
    exitCode: items.some((i) => i.level === 'error') ? 1 : 0,
    items,
    dataChecks: dataChecks.findings,
    rows: { train: files.train.lines.length, eval: files.eval.lines.length },
    tokens,
    notes,
  };
}
