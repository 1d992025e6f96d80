import { VirtualClock, runWorkflow } from '../../../emulator/workflows';
import { tuningSeconds } from '../../../emulator/bigquery/models';
import { connection, harness, project } from './harness';

/** A tuning statement over 20 inline rows: its job takes tuningSeconds(steps) of virtual time. */
const tuning = (model: string) =>
  `CREATE OR REPLACE MODEL \`${project}.ds.${model}\` REMOTE WITH CONNECTION \`${connection}\`
   OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=20)
   AS SELECT CONCAT('prompt ', CAST(n AS STRING)) AS prompt, IF(MOD(n, 2) = 0, 'even', 'odd') AS label
   FROM UNNEST(GENERATE_ARRAY(1, 20)) AS n`;

/** The workflow polls for itself: skip_polling + jobs.get, and jobs.query's timeoutMs + getQueryResults. */
const source = `
main:
  params: [args]
  steps:
    - insert:
        call: googleapis.bigquery.v2.jobs.insert
        args:
          projectId: ${project}
          body:
            configuration:
              query:
                query: \${args.first}
                useLegacySql: false
          connector_params:
            skip_polling: true
        result: job
    - init:
        assign:
          - inserted_state: \${job.status.state}
          - started: \${sys.now()}
          - polls: 0
    - poll:
        call: googleapis.bigquery.v2.jobs.get
        args:
          projectId: ${project}
          jobId: \${job.jobReference.jobId}
        result: job
    - count:
        assign:
          - polls: \${polls + 1}
    - done_yet:
        switch:
          - condition: \${job.status.state != "DONE"}
            steps:
              - wait:
                  call: sys.sleep
                  args:
                    seconds: 60
              - again:
                  next: poll
    - polled:
        assign:
          - insert_seconds: \${sys.now() - started}
          - started: \${sys.now()}
    - query:
        call: googleapis.bigquery.v2.jobs.query
        args:
          projectId: ${project}
          body:
            query: \${args.second}
            useLegacySql: false
            timeoutMs: 10000
        result: answer
    - first_answer:
        assign:
          - first_complete: \${answer.jobComplete}
          - first_has_job: \${"jobId" in answer.jobReference}
          - answer_seconds: \${sys.now() - started}
          - result_polls: 0
    - results:
        call: googleapis.bigquery.v2.jobs.getQueryResults
        args:
          projectId: ${project}
          jobId: \${answer.jobReference.jobId}
          timeoutMs: 0
        result: answer
    - count_results:
        assign:
          - result_polls: \${result_polls + 1}
    - complete_yet:
        switch:
          - condition: \${not answer.jobComplete}
            steps:
              - wait_results:
                  call: sys.sleep
                  args:
                    seconds: 120
              - poll_again:
                  next: results
    - quick:
        call: googleapis.bigquery.v2.jobs.query
        args:
          projectId: ${project}
          body:
            query: SELECT 1 AS one
            useLegacySql: false
        result: quick
    - done:
        return:
          inserted_state: \${inserted_state}
          polls: \${polls}
          final_state: \${job.status.state}
          insert_seconds: \${insert_seconds}
          first_complete: \${first_complete}
          first_has_job: \${first_has_job}
          answer_seconds: \${answer_seconds}
          result_polls: \${result_polls}
          quick_complete: \${quick.jobComplete}
          quick_value: \${quick.rows[0].f[0].v}
`;

it('skip_polling returns the inserted job RUNNING and jobs.query answers jobComplete: false after timeoutMs', async () => {
  const h = await harness();
  try {
    const result = await runWorkflow(source, {
      connectors: h.emulator.connectors,
      clock: new VirtualClock(0),
      argument: { first: tuning('first'), second: tuning('second') },
    });
    expect(result.errorJson).toBeUndefined();
    const r = result.result as Record<string, unknown>;
    const minimum = tuningSeconds(0);
    expect(r.inserted_state).toBe('RUNNING');
    expect(r.final_state).toBe('DONE');
    // Polled every 60 s until the tuning's virtual duration (at least the 300 s start-up) had passed.
    expect(r.polls as number).toBeGreaterThan(minimum / 60);
    expect(r.insert_seconds as number).toBeGreaterThanOrEqual(minimum);
    expect(r.first_complete).toBe(false);
    expect(r.first_has_job).toBe(true);
    // jobs.query waited exactly its timeoutMs of virtual time, not the job's duration.
    expect(r.answer_seconds).toBe(10);
    expect(r.result_polls as number).toBeGreaterThan(1);
    expect(r.quick_complete).toBe(true);
    expect(r.quick_value).toBe('1');
  } finally {
    await h.emulator.close();
  }
});
