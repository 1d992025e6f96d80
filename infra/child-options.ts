import type * as pulumi from '@pulumi/pulumi';

/**
 * Options for a component's child resource. A component's `dependsOn` does not reach its children, so each
 * child is given it explicitly (plus its own extra dependencies): the APIs must be on, the grants in place.
 */
export function childOptions(
  parent: pulumi.Resource,
  opts: pulumi.ComponentResourceOptions | undefined,
  ...more: pulumi.Resource[]
): pulumi.CustomResourceOptions {
  const inherited = opts?.dependsOn ?? [];
  if (!Array.isArray(inherited)) throw new Error('bqtune components take dependsOn as a list of resources');
  return { parent, dependsOn: [...inherited, ...more] };
}
