/**
 * Loads a module when a command runs rather than when `bqtune` starts, so `bqtune --help` and each
 * command load only what they use (DuckDB, the Google clients, ajv, the interpreter are each large).
 * `id` is relative to this folder, where every command file is; pair it with a type-only import:
 * `load<typeof RunLocally>('../local/run-locally')`.
 */
export function load<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as T;
}
