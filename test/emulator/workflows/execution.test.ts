import type { ExecutionEvent } from '../../../emulator/workflows';
import { RealClock, VirtualClock, parseWorkflowSource, runWorkflow } from '../../../emulator/workflows';
import { run } from './run-helper';

test('every step start and end is an event with routine, step and time; errors are events too', async () => {
  const src = `
main:
  steps:
    - first:
        call: sub
    - second:
        raise: boom
sub:
  steps:
    - inside:
        assign:
          - x: 1
`;
  const events: ExecutionEvent[] = [];
  const res = await run(src, { onEvent: (e) => events.push(e), clock: new VirtualClock(1000) });
  expect(res.events).toEqual(events);
  expect(events.map((e) => `${e.type} ${e.routine}.${e.step}`)).toEqual([
    'step-start main.first',
    'step-start sub.inside',
    'step-end sub.inside',
    'step-end main.first',
    'step-start main.second',
    'error main.second',
    'step-end main.second',
  ]);
  expect(events.every((e) => e.time === 1000)).toBe(true);
  expect(events.find((e) => e.type === 'error')).toMatchObject({ error: 'boom' });
});

test('a run is cancelled through its AbortSignal, even in the middle of a real sleep', async () => {
  const { program } = parseWorkflowSource('- s:\n    call: sys.sleep\n    args:\n      seconds: 3600\n');
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  const started = Date.now();
  const res = await runWorkflow(program!, { clock: new RealClock(), signal: controller.signal });
  expect(res.state).toBe('CANCELLED');
  expect(Date.now() - started).toBeLessThan(2000);
});

test('a long tight loop can be cancelled between steps', async () => {
  const src = `
- loop:
    for:
      value: i
      range: [1, 90000]
      steps:
        - s:
            assign:
              - x: \${i}
`;
  const controller = new AbortController();
  let seen = 0;
  const res = await runWorkflow(src, {
    clock: new VirtualClock(),
    signal: controller.signal,
    keepEvents: false,
    onEvent: () => {
      if (++seen === 1000) controller.abort();
    },
  });
  expect(res.state).toBe('CANCELLED');
  expect(res.steps).toBeLessThan(1000);
});

test('status: the steps running right now are visible while the run is in progress', async () => {
  const clock = new VirtualClock();
  let current: () => { routine: string; step: string }[] = () => [];
  const src = `
main:
  steps:
    - outer:
        call: napper
napper:
  steps:
    - nap:
        call: sys.sleep
        args:
          seconds: 5
`;
  let during: { routine: string; step: string }[] = [];
  const done = runWorkflow(src, {
    clock,
    onStart: (r) => (current = r.currentSteps),
    onEvent: (e) => {
      if (e.type === 'step-start' && e.step === 'nap') setImmediate(() => (during = current()));
    },
  });
  const res = await done;
  expect(res.state).toBe('SUCCEEDED');
  expect(during).toEqual([
    { routine: 'main', step: 'outer' },
    { routine: 'napper', step: 'nap' },
  ]);
  expect(current()).toEqual([]);
});

test('the argument keeps integers and doubles apart when given as JSON', async () => {
  const res = await run(
    'main:\n  params: [a]\n  steps:\n    - r:\n        return: ${[get_type(a.i), get_type(a.d)]}\n',
    {
      argumentJson: '{"i": 1, "d": 1.0}',
    },
  );
  expect(res.result).toEqual(['integer', 'double']);
});

test('VirtualClock: concurrent sleeps wake in time order and the clock ends at the latest', async () => {
  const clock = new VirtualClock(100);
  const woke: string[] = [];
  await Promise.all([
    clock.sleep(5).then(() => woke.push(`a@${clock.now()}`)),
    clock.sleep(3).then(() => woke.push(`b@${clock.now()}`)),
    clock.sleep(3).then(() => woke.push(`c@${clock.now()}`)),
  ]);
  expect(woke).toEqual(['b@103', 'c@103', 'a@105']);
  expect(clock.elapsed).toBe(5);
});

test('VirtualClock: an aborted sleep rejects and leaves the clock where it was', async () => {
  const clock = new VirtualClock(0);
  const controller = new AbortController();
  const pending = clock.sleep(50, controller.signal);
  controller.abort();
  await expect(pending).rejects.toThrow(/aborted/);
  await clock.sleep(1);
  expect(clock.now()).toBe(1);
});
