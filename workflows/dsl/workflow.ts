import { isIdentifier, toExpr } from './expr';
import type { ValueInput } from './expr';
import type { Step } from './steps';

/** A parameter: a name, or a one-entry map `{ name: default }` used when the caller omits it. */
export type Param = string | { readonly [name: string]: ValueInput };

export interface Subworkflow {
  readonly name: string;
  readonly params: readonly Param[];
  readonly steps: readonly Step[];
}

export interface Workflow {
  /** `main` takes at most one parameter: the whole execution argument. */
  readonly main: { readonly params: readonly string[]; readonly steps: readonly Step[] };
  readonly subworkflows: readonly Subworkflow[];
}

export interface ParamInfo {
  readonly name: string;
  readonly hasDefault: boolean;
}

export function paramInfo(param: Param): ParamInfo {
  if (typeof param === 'string') return { name: param, hasDefault: false };
  const [name] = Object.keys(param);
  return { name, hasDefault: true };
}

function checkParam(param: Param, where: string): void {
  if (typeof param !== 'string') {
    const keys = Object.keys(param);
    if (keys.length !== 1) throw new Error(`${where}: a parameter with a default is a one-entry map`);
    try {
      toExpr(param[keys[0]]);
    } catch (e) {
      throw new Error(`${where}: default of ${keys[0]}: ${(e as Error).message}`, { cause: e });
    }
  }
  const { name } = paramInfo(param);
  if (!isIdentifier(name)) throw new Error(`${where}: invalid parameter name ${JSON.stringify(name)}`);
}

/** subworkflow('load_table', ['uri', { format: 'NEWLINE_DELIMITED_JSON' }], [ ...steps ]) */
export function subworkflow(name: string, params: readonly Param[], steps: readonly Step[]): Subworkflow {
  if (!isIdentifier(name) || name === 'main')
    throw new Error(`invalid subworkflow name ${JSON.stringify(name)}`);
  params.forEach((p) => checkParam(p, `subworkflow ${name}`));
  return { name, params, steps };
}

/** workflow({ params: ['args'], steps: [ ... ], subworkflows: [ loadTable ] }) */
export function workflow(definition: {
  readonly params?: readonly string[];
  readonly steps: readonly Step[];
  readonly subworkflows?: readonly Subworkflow[];
}): Workflow {
  const params = definition.params ?? [];
  params.forEach((p) => checkParam(p, 'main'));
  return { main: { params, steps: definition.steps }, subworkflows: definition.subworkflows ?? [] };
}
