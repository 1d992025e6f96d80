import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import schema from '../fixtures/workflows.schema.json';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const EXPRESSION = /^\$\{.+\}$/s;

/*
 * The schema is a structural lint and has known false negatives against the documented language:
 * it types `concurrency_limit` as an integer (docs: "a literal value or an expression") and the retry
 * `max_retries` / `backoff` fields as integers (docs allow expressions, and delays and multipliers are
 * doubles, e.g. multiplier 1.25). Exactly those fields, and only when they hold an expression or a
 * fractional number, are replaced by 1 before validating. Nothing else is relaxed.
 */
function relaxKnownFalseNegatives(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(relaxKnownFalseNegatives);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const parallel = obj.parallel as Record<string, unknown> | undefined;
  if (parallel && typeof parallel === 'object') relaxField(parallel, 'concurrency_limit');
  const retry = obj.retry as Record<string, unknown> | undefined;
  if (retry && typeof retry === 'object') {
    relaxField(retry, 'max_retries');
    const backoff = retry.backoff as Record<string, unknown> | undefined;
    if (backoff && typeof backoff === 'object') {
      for (const field of ['initial_delay', 'max_delay', 'multiplier']) relaxField(backoff, field);
    }
  }
  Object.values(obj).forEach(relaxKnownFalseNegatives);
}

function relaxField(obj: Record<string, unknown>, field: string): void {
  const value = obj[field];
  const expression = typeof value === 'string' && EXPRESSION.test(value);
  const fractional = typeof value === 'number' && !Number.isInteger(value);
  if (expression || fractional) obj[field] = 1;
}

/** Fails (throws) when the YAML does not validate against the Workflows JSON schema. */
export function expectValidWorkflowYaml(yaml: string): void {
  const doc: unknown = parse(yaml);
  relaxKnownFalseNegatives(doc);
  if (!validate(doc)) {
    throw new Error(
      `workflow YAML does not match the schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
    );
  }
}
