import { parse } from 'yaml';
import { Tag } from '../../../workflows/facts/error-tags';
import { PipelineTag } from '../../../workflows/pipelines/error-tags';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import { pipelines } from '../../../workflows/pipelines';

/**
 * Every `tags:` list of an error map in a compiled program (raised, or recorded as a run's error), and every
 * quoted `...Error` an expression tests with `in`.
 */
function tagsIn(program: unknown): { raised: string[]; tested: string[] } {
  const raised: string[] = [];
  const tested: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(/"([A-Za-z]+Error)" in /g)) tested.push(match[1]);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'tags' && Array.isArray(value))
          raised.push(...value.filter((tag) => typeof tag === 'string'));
        visit(value);
      }
    }
  };
  visit(program);
  return { raised, tested };
}

const documented = new Set<string>(Object.values(Tag));
const own = new Set<string>(Object.values(PipelineTag));
const found = Object.keys(pipelines).map((name) => ({
  name,
  ...tagsIn(parse(compiledWorkflowSource(name))),
}));

test('Google documents 17 error tags and the pipelines declare their own apart from them', () => {
  expect(documented.size).toBe(17);
  for (const tag of own) expect(documented.has(tag)).toBe(false);
  for (const [key, value] of [...Object.entries(Tag), ...Object.entries(PipelineTag)])
    expect(value).toBe(key);
});

test.each(found.map((f) => [f.name, f] as const))(
  '%s raises and tests only declared tags',
  (_name, { raised, tested }) => {
    expect(raised.length).toBeGreaterThan(0);
    for (const tag of [...raised, ...tested])
      expect(documented.has(tag) || own.has(tag) ? tag : `undeclared ${tag}`).toBe(tag);
  },
);

test('every tag the pipelines declare is raised or recorded by one of them (none is declared and never used)', () => {
  const raised = new Set(found.flatMap((f) => f.raised));
  expect([...own].filter((tag) => !raised.has(tag))).toEqual([]);
});
