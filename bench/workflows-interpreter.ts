import { VirtualClock, parseWorkflowSource, runWorkflow } from '../emulator/workflows';

/** Steps per second of the Workflows interpreter on a tight loop and on a parallel fan-out. */

const TIGHT_LOOP = `
main:
  steps:
    - init:
        assign:
          - total: 0
    - loop:
        for:
          value: i
          range: [1, 30000]
          steps:
            - add:
                assign:
                  - total: \${total + i * 2 % 7}
    - done:
        return: \${total}
`;

const FAN_OUT = `
main:
  steps:
    - init:
        assign:
          - hits: 0
    - fan:
        parallel:
          shared: [hits]
          concurrency_limit: 20
          for:
            value: shard
            range: [1, 1000]
            steps:
              - work:
                  for:
                    value: j
                    range: [1, 30]
                    steps:
                      - count:
                          assign:
                            - hits: \${hits + 1}
    - done:
        return: \${hits}
`;

async function measure(name: string, source: string): Promise<void> {
  const { program, deployErrors } = parseWorkflowSource(source);
  if (!program) throw new Error(deployErrors.join('\n'));
  const rounds = 5;
  let best = Infinity;
  let steps = 0;
  let result: unknown;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    const out = await runWorkflow(program, { clock: new VirtualClock(), keepEvents: false });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (out.state !== 'SUCCEEDED') throw new Error(`${name}: ${out.errorJson}`);
    best = Math.min(best, seconds);
    steps = out.steps;
    result = out.result;
  }
  const perSecond = Math.round(steps / best);
  process.stdout.write(
    `${name.padEnd(18)} ${String(steps).padStart(7)} steps  best of ${rounds}: ${(best * 1000).toFixed(1).padStart(7)} ms  ` +
      `${perSecond.toLocaleString('en-US').padStart(10)} steps/s  (result ${String(result)})\n`,
  );
}

async function main(): Promise<void> {
  await measure('tight loop', TIGHT_LOOP);
  await measure('parallel fan-out', FAN_OUT);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
