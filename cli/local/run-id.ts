import definitions from '../../schemas/definitions.schema.json';

/** The run id pattern of the schemas (`definitions.schema.json#/$defs/runId`): also safe as a folder name. */
const runIdPattern = new RegExp(definitions.$defs.runId.pattern);

/** Throws, naming `source`, unless `id` is a valid run id; called before anything is named after it. */
export function checkRunId(id: unknown, source: string): string {
  if (typeof id !== 'string' || !runIdPattern.test(id)) {
    throw new Error(`${source}: ${JSON.stringify(id)} is not valid: ${definitions.$defs.runId.description}`);
  }
  return id;
}
