import fs from 'node:fs';
import path from 'node:path';
import { findStale } from '../../workflows/compile';
import { compiledWorkflowForLocalRun, compiledWorkflowSource, distDir } from '../../workflows/compiled';
import { parsedForm } from '../../workflows/compile';
import { pipelines } from '../../workflows/pipelines';

test('the committed YAML (and its parsed form) of every pipeline is exactly what its definition compiles to now', () => {
  for (const [name, build] of Object.entries(pipelines)) {
    expect(fs.readFileSync(path.join(distDir(), `${name}.yaml`), 'utf8')).toBe(build());
  }
  expect(findStale(distDir())).toEqual([]);
});

test('tests run the pipeline compiled in-process, never the committed file', () => {
  const read = jest.spyOn(fs, 'readFileSync');
  try {
    const source = compiledWorkflowSource('tune-and-evaluate');
    expect(source).toBe(pipelines['tune-and-evaluate']());
    expect(compiledWorkflowForLocalRun('tune-and-evaluate')).toEqual({
      source: parsedForm(source, 'tune-and-evaluate.yaml'),
      fileName: 'tune-and-evaluate.json',
    });
    const readsOfDist = read.mock.calls.filter(([file]) => String(file).startsWith(distDir()));
    expect(readsOfDist).toEqual([]);
  } finally {
    read.mockRestore();
  }
});
