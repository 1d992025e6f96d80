import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBigQueryEmulator } from '../emulator/bigquery';
import { generateExample, toJsonl } from '../examples/medical-specialty/generate';
import config from '../examples/medical-specialty/pipeline.json';

/**
 * BigQuery ML emulator figures: generation throughput (rows/s through AI.GENERATE_TEXT, the local model
 * included), tuning time for 500 training rows, model invocations per evaluation pass, and peak memory.
 * Usage: node build/bench/bigquery-emulator.js [generateRows]
 */
async function main(): Promise<void> {
  const generateRows = Number(process.argv[2] ?? 5000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bq-bench-'));
  const project = 'bench-proj';
  const connection = `${project}.us.llm`;
  const emulator = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: project,
    connections: [connection],
    datasets: [`${project}.ds`],
  });
  const data = generateExample({ seed: 3, trainRows: 500, evalRows: generateRows });
  for (const [name, rows] of [
    ['train', data.train],
    ['eval', data.eval],
  ] as const) {
    const file = path.join(root, 'gcs', 'bkt', `${name}.jsonl`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, toJsonl(rows));
    await emulator.query(
      `LOAD DATA OVERWRITE \`${project}.ds.${name}\` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/${name}.jsonl'])`,
    );
  }
  const prompt = `CONCAT(@prefix, input_text)`;
  const prefix = { prefix: config.task.promptTemplate.prefix };
  await emulator.query(
    `CREATE MODEL \`${project}.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
  );

  let start = process.hrtime.bigint();
  const generated = await emulator.query(
    `SELECT COUNTIF(status = '') AS ok FROM AI.GENERATE_TEXT(MODEL \`${project}.ds.base\`, (SELECT ${prompt} AS prompt FROM \`${project}.ds.eval\`), STRUCT(64 AS max_output_tokens))`,
    prefix,
  );
  const generateSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  start = process.hrtime.bigint();
  await emulator.query(
    `CREATE MODEL \`${project}.ds.tuned\` REMOTE WITH CONNECTION \`${connection}\`
     OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=500, data_split_method='NO_SPLIT')
     AS SELECT ${prompt} AS prompt, output_text AS label FROM \`${project}.ds.train\``,
    prefix,
  );
  const tuneSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  const before = emulator.stats.modelInvocations;
  const evaluation = await emulator.query(
    `SELECT AVG(f1) AS macro_f1 FROM ML.EVALUATE(MODEL \`${project}.ds.tuned\`, (SELECT ${prompt} AS prompt, output_text AS label FROM \`${project}.ds.eval\`), STRUCT('classification' AS task_type))`,
    prefix,
  );
  const evalInvocations = emulator.stats.modelInvocations - before;
  await emulator.close();
  fs.rmSync(root, { recursive: true, force: true });

  console.log(
    `generate: ${generateRows} rows in ${generateSeconds.toFixed(2)} s = ${Math.round(generateRows / generateSeconds)} rows/s (${String(generated.rows[0].ok)} ok)`,
  );
  console.log(`tuning: 500 rows, max_iterations 500, in ${tuneSeconds.toFixed(2)} s`);
  console.log(
    `evaluate: ${evalInvocations} model invocations for ${generateRows} eval rows, tuned macro F1 ${Number(evaluation.rows[0].macro_f1).toFixed(3)}`,
  );
  console.log(`model invocations in total: ${emulator.stats.modelInvocations}`);
  console.log(
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap used now: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
