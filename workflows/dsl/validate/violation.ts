/** One static-check finding; `path` names the routine and the step chain, e.g. `main > load > load_train`. */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

export function child(path: string, segment: string): string {
  return `${path} > ${segment}`;
}
