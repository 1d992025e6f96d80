import type { RunOptions, RunResult } from '../../../emulator/workflows';
import { VirtualClock, parseWorkflowSource, runWorkflow } from '../../../emulator/workflows';

/** Runs a YAML source on a virtual clock and fails the test on deploy errors. */
export async function run(yaml: string, opts: RunOptions = {}): Promise<RunResult> {
  const res = await runWorkflow(yaml, { clock: new VirtualClock(), ...opts });
  if (res.deployErrors) throw new Error(`deploy errors:\n${res.deployErrors.join('\n')}`);
  return res;
}

/** The result of a workflow that must succeed. */
export async function result(yaml: string, opts: RunOptions = {}): Promise<unknown> {
  const res = await run(yaml, opts);
  if (res.state !== 'SUCCEEDED') throw new Error(`workflow ${res.state}: ${res.errorJson}`);
  return res.result;
}

/** The exact JSON of a workflow's result (keeps 1 vs 1.0). */
export async function resultJson(yaml: string, opts: RunOptions = {}): Promise<string> {
  const res = await run(yaml, opts);
  if (res.state !== 'SUCCEEDED') throw new Error(`workflow ${res.state}: ${res.errorJson}`);
  return res.resultJson as string;
}

/** Evaluates one expression as `return: ${expr}` and gives its exact JSON. */
export function expr(e: string): Promise<string> {
  return resultJson(`- r:\n    return: ${JSON.stringify('${' + e + '}')}\n`);
}

function withVars(vars: Record<string, string>, e: string): string {
  const assigns = Object.entries(vars).map(([k, v]) => ({ [k]: '${' + v + '}' }));
  return JSON.stringify([{ init: { assign: assigns } }, { r: { return: '${' + e + '}' } }]);
}

/** Evaluates an expression after assigning `vars` (name → expression text without `${}`). */
export function exprWith(vars: Record<string, string>, e: string): Promise<string> {
  return resultJson(withVars(vars, e), { fileName: 'expr.json' });
}

/** The tags of the error an expression raises after assigning `vars`. */
export async function exprWithError(vars: Record<string, string>, e: string): Promise<string[]> {
  return (await failure(withVars(vars, e), { fileName: 'expr.json' })).tags;
}

/** The error map of a workflow that must fail. */
export async function failure(
  yaml: string,
  opts: RunOptions = {},
): Promise<{ tags: string[]; message: string } & Record<string, unknown>> {
  const res = await run(yaml, opts);
  if (res.state !== 'FAILED') throw new Error(`expected FAILED, got ${res.state}: ${res.resultJson}`);
  return res.error as { tags: string[]; message: string };
}

/** The tags of the error an expression raises. */
export async function exprError(e: string): Promise<string[]> {
  return (await failure(`- r:\n    return: ${JSON.stringify('${' + e + '}')}\n`)).tags;
}

/** Deploy errors of a source (empty when it is valid). */
export function deployErrors(yaml: string): string[] {
  return parseWorkflowSource(yaml).deployErrors;
}
