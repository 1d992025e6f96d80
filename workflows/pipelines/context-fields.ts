import { v, type Expr } from '../dsl';

/**
 * Reads a pipeline's context map (the workflow variable `ctx`) by field: `fields.run_id` is the expression
 * `ctx.run_id`. `shape` is the map the context step stores, with any fields later steps merge into it; only
 * its keys are used, so reading a field the context does not hold fails `tsc` instead of an execution.
 */
export function contextFields<T extends object>(shape: T): { readonly [K in keyof T & string]: Expr } {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, v('ctx').get(key)])) as {
    readonly [K in keyof T & string]: Expr;
  };
}
