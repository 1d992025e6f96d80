import type { Step } from '../steps';
import { paramInfo } from '../workflow';
import type { ParamInfo, Workflow } from '../workflow';

/** `main` or a subworkflow, as the checks see it. */
export interface Routine {
  readonly name: string;
  readonly params: readonly ParamInfo[];
  readonly steps: readonly Step[];
}

export function routinesOf(wf: Workflow): Routine[] {
  return [
    { name: 'main', params: wf.main.params.map(paramInfo), steps: wf.main.steps },
    ...wf.subworkflows.map((s) => ({ name: s.name, params: s.params.map(paramInfo), steps: s.steps })),
  ];
}
