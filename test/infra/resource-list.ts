import { pipelineTables } from '../../bigquery/tables';
import { pulumiTableSchema } from '../../infra/table-schema';
import { compiledWorkflowSource } from '../../workflows/compiled';
import type { ProgramRun } from './harness';

/**
 * Every resource a stack registers, as the Pulumi engine sees it: type, name, URN, dependencies, resolved
 * inputs, and the stack's outputs. The snapshots were recorded before the components took narrow args;
 * the refactor had to leave them unchanged. Inputs other folders own (the compiled workflow, the table
 * schemas) are named rather than copied, so a change there does not show here; the stack tests check them.
 */
export function resourceList(run: ProgramRun): unknown {
  const sources = new Map(
    ['tune-and-evaluate', 'batch-predict'].map((p) => [compiledWorkflowSource(p), `<compiled ${p}>`]),
  );
  const schemas = new Map(pipelineTables.map((t) => [pulumiTableSchema(t), `<schema of ${t.id}>`]));
  return {
    resources: [...run.resources]
      .sort((a, b) => a.urn.localeCompare(b.urn))
      .map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        dependencies: [...r.dependencies].sort(),
        inputs: {
          ...r.inputs,
          ...(typeof r.inputs.sourceContents === 'string'
            ? { sourceContents: sources.get(r.inputs.sourceContents) ?? r.inputs.sourceContents }
            : {}),
          ...(typeof r.inputs.schema === 'string'
            ? { schema: schemas.get(r.inputs.schema) ?? r.inputs.schema }
            : {}),
        },
      })),
    outputs: run.outputs,
  };
}
