import type { PolicyResourceOptions, ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';

/** Resource validation arguments for a resource that never existed, as the analyzer would pass them. */
export function resourceArgs(
  type: string,
  name: string,
  props: Record<string, unknown>,
  opts: Partial<PolicyResourceOptions> = {},
): ResourceValidationArgs {
  // The policies read only type, name, props and opts; the analyzer's helpers are not needed.
  return {
    type,
    name,
    props,
    urn: `urn:pulumi:test::bqtune::${type}::${name}`,
    opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], ...opts },
  } as unknown as ResourceValidationArgs;
}

/** The violations one policy reports for one resource. */
export async function violations(
  policy: ResourceValidationPolicy,
  args: ResourceValidationArgs,
): Promise<string[]> {
  const reported: string[] = [];
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  for (const validate of validations) await validate?.(args, (message) => reported.push(message));
  return reported;
}
