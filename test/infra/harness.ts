import fs from 'node:fs';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { repoRoot } from '../support/bin';

export const types = {
  service: 'gcp:projects/service:Service',
  projectIam: 'gcp:projects/iAMMember:IAMMember',
  auditConfig: 'gcp:projects/iAMAuditConfig:IAMAuditConfig',
  datasetIam: 'gcp:bigquery/datasetIamMember:DatasetIamMember',
  connectionIam: 'gcp:bigquery/connectionIamMember:ConnectionIamMember',
  bucketIam: 'gcp:storage/bucketIAMMember:BucketIAMMember',
  connection: 'gcp:bigquery/connection:Connection',
  dataset: 'gcp:bigquery/dataset:Dataset',
  table: 'gcp:bigquery/table:Table',
  job: 'gcp:bigquery/job:Job',
  bucket: 'gcp:storage/bucket:Bucket',
  account: 'gcp:serviceaccount/account:Account',
  workflow: 'gcp:workflows/workflow:Workflow',
  scheduler: 'gcp:cloudscheduler/job:Job',
  eventarc: 'gcp:eventarc/trigger:Trigger',
} as const;

/** The connection's service account as BigQuery would name it. */
export const connectionServiceAccount = 'bqcx-123456789-abcd@gcp-sa-bigquery-condel.iam.gserviceaccount.com';

export interface RegisteredResource {
  type: string;
  name: string;
  urn: string;
  /** URNs of the resources it depends on, explicitly or through its inputs. */
  dependencies: string[];
  // Resource inputs are loosely typed by nature; tests index into them freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inputs: Record<string, any>;
}

/**
 * The `config:` block of an example stack file as the Pulumi engine hands it to a program: every value a
 * string, structured values JSON-encoded.
 */
export function stackConfig(stack: 'dev' | 'prod'): Record<string, string> {
  const file = path.join(repoRoot, `Pulumi.${stack}.yaml`);
  const doc = parse(fs.readFileSync(file, 'utf8')) as { config: Record<string, unknown> };
  return Object.fromEntries(
    Object.entries(doc.config).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/** Outputs the real provider computes and the program reads. */
function computedState(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case types.connection:
      return {
        ...inputs,
        name: `projects/123456789/locations/${String(inputs.location)}/connections/${String(inputs.connectionId)}`,
        cloudResource: { serviceAccountId: connectionServiceAccount },
      };
    case types.account: {
      const email = `${String(inputs.accountId)}@${String(inputs.project)}.iam.gserviceaccount.com`;
      return { ...inputs, email, member: `serviceAccount:${email}` };
    }
    default:
      return inputs;
  }
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getDependenciesList(): string[];
}
type RegisterCallback = (error: Error | null, response?: { getUrn(): string }) => void;
interface MockMonitor {
  registerResource(req: RegisterRequest, callback: RegisterCallback): Promise<void>;
}

/**
 * The mocks' `newResource` sees neither a resource's URN nor its dependencies; the mock monitor's request
 * does, so it is wrapped to record them next to the inputs `newResource` saw.
 */
function recordRegistrations(
  resources: RegisteredResource[],
  inputs: Map<string, RegisteredResource['inputs']>,
): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) =>
    register(req, (error, response) => {
      if (error === null && response !== undefined) {
        resources.push({
          type: req.getType(),
          name: req.getName(),
          urn: response.getUrn(),
          dependencies: req.getDependenciesList(),
          inputs: inputs.get(`${req.getType()}::${req.getName()}`) ?? {},
        });
      }
      callback(error, response);
    });
}

export interface ProgramRun {
  resources: RegisteredResource[];
  outputs: Record<string, unknown>;
}

/**
 * Runs `program` under Pulumi's mocks with the given config and returns every resource it registered,
 * with resolved inputs, and the outputs it returns. Pulumi keeps global state: call this once per test
 * file.
 */
export async function runUnderMocks(
  stack: string,
  config: Record<string, string>,
  program: () => Record<string, unknown>,
): Promise<ProgramRun> {
  const resources: RegisteredResource[] = [];
  const inputs = new Map<string, RegisteredResource['inputs']>();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        inputs.set(`${args.type}::${args.name}`, args.inputs);
        return { id: `${args.name}-id`, state: computedState(args.type, args.inputs) };
      },
      call(args) {
        throw new Error(`unexpected provider function call ${args.token}`);
      },
    },
    'bqtune',
    stack,
    false,
  );
  recordRegistrations(resources, inputs);
  pulumi.runtime.setAllConfig(config);
  // Run only now: resources register while it runs, which needs the mocks in place.
  const exported = program();
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exported)) {
    outputs[key] = pulumi.Output.isInstance(value)
      ? await new Promise((resolve) => (value as pulumi.Output<unknown>).apply(resolve))
      : value;
  }
  // Every registration has reached the mocks once the RPC queue is drained.
  await pulumi.runtime.disconnect();
  return { resources, outputs };
}

/** Runs the stack's program, `infra/index.ts`, under mocks (see `runUnderMocks`). */
export const runProgram = (stack: string, config: Record<string, string>): Promise<ProgramRun> =>
  runUnderMocks(stack, config, () => jest.requireActual<Record<string, unknown>>('../../infra/index'));

export function ofType(run: ProgramRun, type: string): RegisteredResource[] {
  return run.resources.filter((r) => r.type === type);
}

export function only(run: ProgramRun, type: string): RegisteredResource {
  const found = ofType(run, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** The Workflows program whose name ends with the pipeline's name (`tune-and-evaluate`, `batch-predict`). */
export function workflowOf(run: ProgramRun, pipeline: string): RegisteredResource {
  const found = ofType(run, types.workflow).filter((w) => String(w.inputs.name).endsWith(`-${pipeline}`));
  if (found.length !== 1) throw new Error(`expected one ${pipeline} workflow, found ${found.length}`);
  return found[0];
}

/** Every grant of every member, as `scope role` strings, e.g. `project roles/bigquery.jobUser`. */
export function grantsByMember(run: ProgramRun): Map<string, string[]> {
  const scopes: Record<string, (inputs: RegisteredResource['inputs']) => string> = {
    [types.projectIam]: (i) => `project:${i.project}`,
    [types.datasetIam]: (i) => `dataset:${i.datasetId}`,
    [types.connectionIam]: (i) => `connection:${i.connectionId}`,
    [types.bucketIam]: (i) => `bucket:${i.bucket}`,
  };
  const grants = new Map<string, string[]>();
  for (const r of run.resources) {
    const scope = scopes[r.type];
    if (scope === undefined) continue;
    const list = grants.get(r.inputs.member) ?? [];
    list.push(`${scope(r.inputs)} ${r.inputs.role}`);
    grants.set(r.inputs.member, list.sort());
  }
  return grants;
}
