import { colors as pc } from '../colors';
import { metric3 } from '../format';
import type { ExecutionView } from './executions';

export function elapsed(since: Date, now = new Date()): string {
  const s = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** The current step: the main workflow's steps (the pipeline stage), then the innermost subworkflow step. */
export function currentStep(e: ExecutionView): string {
  const main = e.currentSteps.filter((s) => s.routine === 'main').map((s) => s.step);
  const inner = [...e.currentSteps].reverse().find((s) => s.routine !== 'main');
  return [...main, ...(inner ? [`${inner.routine}.${inner.step}`] : [])].join(' › ');
}

/** One line of progress: state, time since the execution started, and the current step. */
export function progressLine(e: ExecutionView, since: Date, now = new Date()): string {
  const step = currentStep(e);
  return `${e.state.toLowerCase()} ${elapsed(since, now)}${step === '' ? '' : ` · ${step}`}`;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const num = (value: unknown) => metric3(typeof value === 'number' ? value : undefined);

interface PipelineResultView {
  runId?: string;
  status?: string;
  baseline?: { model?: string; metrics?: Record<string, number> };
  tuned?: { model?: string; metrics?: Record<string, number> };
  gate?: { passed?: boolean; metric?: string; reasons?: string[] };
  deployed?: boolean;
  champion?: { before?: string | null; after?: string | null };
}

/** The pipeline's result map as a few lines; any other result as indented JSON. */
export function describeResult(resultJson: string | undefined): string {
  const result = parse(resultJson) as PipelineResultView | undefined;
  if (!result || typeof result !== 'object' || !result.gate) return JSON.stringify(result, null, 2);
  const metric = result.gate.metric ?? 'macro_f1';
  const lines = [
    `run ${result.runId}: ${result.status}`,
    `${metric}: baseline ${num(result.baseline?.metrics?.[metric])}, tuned ${num(result.tuned?.metrics?.[metric])}`,
    `gate: ${result.gate.passed ? pc.green('passed') : pc.red('rejected')}`,
    ...(result.gate.reasons ?? []).map((r) => `  - ${r}`),
    result.deployed
      ? pc.green(`deployed: ${result.champion?.after} is now the champion`)
      : `deployed: nothing; the champion is still ${result.champion?.before ?? 'none'}`,
  ];
  return lines.join('\n');
}

/** The error map's message (and data-check findings) rather than the raw payload. */
export function describeError(error: ExecutionView['error']): string {
  if (!error) return 'no error details';
  const payload = parse(error.payload) as
    { message?: unknown; tags?: unknown; findings?: { message?: string }[] } | string | undefined;
  const lines: string[] = [];
  if (payload && typeof payload === 'object') {
    const tags = Array.isArray(payload.tags) ? ` [${payload.tags.join(', ')}]` : '';
    lines.push(`${typeof payload.message === 'string' ? payload.message : JSON.stringify(payload)}${tags}`);
    for (const f of Array.isArray(payload.findings) ? payload.findings : []) {
      if (f.message) lines.push(`  - ${f.message}`);
    }
  } else lines.push(String(payload ?? error.payload));
  if (error.context) lines.push(error.context);
  return lines.join('\n');
}
