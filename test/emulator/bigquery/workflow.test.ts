import { VirtualClock, runWorkflow } from '../../../emulator/workflows';
import { connection, harness, project } from './harness';

/** The connectors driven by the Workflows interpreter: retries on IAM propagation, paging, OperationError. */
const source = `
main:
  params: [args]
  steps:
    - create_model:
        try:
          call: googleapis.bigquery.v2.jobs.insert
          args:
            projectId: ${project}
            body:
              configuration:
                query:
                  query: \${args.create_sql}
                  useLegacySql: false
          result: job
        retry:
          predicate: \${retry_on_denied}
          max_retries: 5
          backoff:
            initial_delay: 10
            max_delay: 60
            multiplier: 2
    - first_page:
        call: googleapis.bigquery.v2.jobs.query
        args:
          projectId: ${project}
          body:
            query: SELECT n FROM UNNEST(GENERATE_ARRAY(1, 5)) AS n ORDER BY n
            useLegacySql: false
            maxResults: 2
        result: page
    - init:
        assign:
          - values: []
          - failure: ''
    - collect:
        for:
          value: row
          in: \${page.rows}
          steps:
            - add:
                assign:
                  - values: \${list.concat(values, row.f[0].v)}
    - more:
        switch:
          - condition: \${"pageToken" in page}
            steps:
              - next_page:
                  call: googleapis.bigquery.v2.jobs.getQueryResults
                  args:
                    projectId: ${project}
                    jobId: \${page.jobReference.jobId}
                    maxResults: 2
                    pageToken: \${page.pageToken}
                  result: page
              - again:
                  next: collect
    - bad_query:
        try:
          call: googleapis.bigquery.v2.jobs.insert
          args:
            projectId: ${project}
            body:
              configuration:
                query:
                  query: SELECT * FROM \`${project}.ds.missing\`
                  useLegacySql: false
        except:
          as: e
          steps:
            - keep:
                assign:
                  - failure: \${e.tags[0] + " " + e.operation.status.errorResult.reason}
    - done:
        return:
          values: \${values}
          created: \${job.statistics.query.ddlOperationPerformed}
          failure: \${failure}

retry_on_denied:
  params: [e]
  steps:
    - check:
        switch:
          - condition: \${"OperationError" in e.tags and e.operation.status.errorResult.reason == "accessDenied"}
            return: true
    - other:
        return: false
`;

it('runs BigQuery connector calls from a workflow, retrying while IAM propagates', async () => {
  const h = await harness({ faults: { iamPropagationFailures: 2 } });
  const clock = new VirtualClock();
  const result = await runWorkflow(source, {
    connectors: h.emulator.connectors,
    clock,
    argument: {
      create_sql: `CREATE MODEL \`${project}.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    },
  });
  await h.emulator.close();
  expect(result.error).toBeUndefined();
  expect(result.result).toEqual({
    values: ['1', '2', '3', '4', '5'],
    created: 'CREATE',
    failure: 'OperationError notFound',
  });
  expect(result.virtualSeconds).toBeGreaterThanOrEqual(30);
  expect(h.emulator.stats.failedJobs).toBe(3);
});
