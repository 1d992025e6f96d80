import { setTimeout as hostDelay } from 'node:timers/promises';
import type { ConnectorHandler } from '../../../emulator/workflows';
import { VirtualClock } from '../../../emulator/workflows';
import { run } from './run-helper';

const HOST_WORK = 'googleapis.test.v1.work.run';
const VIRTUAL_JOB = 'googleapis.test.v1.job.run';

/** A connector that spends real host time (as DuckDB or the local model do) and no virtual time. */
const hostWork: ConnectorHandler = async () => {
  for (let i = 0; i < 5; i++) await hostDelay(20);
  return { done: true };
};

/** A connector whose job takes `seconds` of virtual time (as a tuning job does). */
const virtualJob =
  (seconds: number): ConnectorHandler =>
  async (_args, ctx) => {
    await ctx.sleep(seconds);
    return { slept: seconds };
  };

const connectors = new Map([
  [HOST_WORK, hostWork],
  [VIRTUAL_JOB, virtualJob(7200)],
]);

/** Two parallel branches: a two-hour job beside a job with a one-minute timeout that only uses host time. */
const sideBySide = `
main:
  steps:
    - init:
        assign:
          - short: null
    - both:
        parallel:
          shared: [short]
          branches:
            - long_branch:
                steps:
                  - long_job:
                      call: ${VIRTUAL_JOB}
                      args:
                        connector_params:
                          timeout: 86400
            - short_branch:
                steps:
                  - wait_a_little:
                      call: sys.sleep
                      args:
                        seconds: 5
                  - short_job:
                      call: ${HOST_WORK}
                      args:
                        connector_params:
                          timeout: 60
                      result: short_result
                  - keep:
                      assign:
                        - short: \${short_result}
    - done:
        return: \${short}
`;

describe('virtual time', () => {
  test("a job's timeout counts only its own virtual duration, not a parallel branch's sleep", async () => {
    const res = await run(sideBySide, { connectors, clock: new VirtualClock(0) });
    expect(res.errorJson).toBeUndefined();
    expect(res.result).toEqual({ done: true });
    // The branches overlap: the run takes as long as the longer branch, not the sum.
    expect(res.virtualSeconds).toBe(7200);
  });

  test('a job that itself runs longer than its timeout still raises TimeoutError', async () => {
    const src = `
- job:
    call: ${VIRTUAL_JOB}
    args:
      connector_params:
        timeout: 3600
`;
    const res = await run(src, { connectors, clock: new VirtualClock(0) });
    expect((res.error as { tags: string[] }).tags).toEqual(['TimeoutError']);
  });

  test('host time spent in a connector is never charged to the clock', async () => {
    const src = `
- before:
    assign:
      - t0: \${sys.now()}
- work:
    call: ${HOST_WORK}
- after:
    return: \${sys.now() - t0}
`;
    const res = await run(src, { connectors, clock: new VirtualClock(0) });
    expect(res.result).toBe(0);
  });

  test('a clock held by host work does not move; released, it fires the earliest timer', async () => {
    const clock = new VirtualClock(0);
    const release = clock.hold();
    let woke = false;
    const sleeping = clock.sleep(30).then(() => (woke = true));
    await hostDelay(20);
    expect(woke).toBe(false);
    expect(clock.now()).toBe(0);
    release();
    release();
    await sleeping;
    expect(clock.now()).toBe(30);
  });
});
