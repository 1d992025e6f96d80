import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTableDdl, evaluationsTable, generationMetrics, predictionsTable } from '../bigquery';
import { createBigQueryEmulator } from '../emulator/bigquery';
import { seededRandom } from '../emulator/model/rng';

/**
 * Text metrics in the emulator: the generation-metrics script (its temporary JavaScript UDF included) over
 * N predictions of `tokens`-word texts, and one ROUGE-L of two 4,000-token texts. Prints wall and CPU time
 * (the CPU figure is the one to compare on a shared machine) and peak RSS. Usage: node build/bench/text-metrics.js [rows] [tokens]
 */
async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000);
  const tokens = Number(process.argv[3] ?? 300);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'text-metrics-bench-'));
  const project = 'bench-proj';
  const emulator = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: project,
    connections: [],
    datasets: [`${project}.ds`],
  });
  const ds = { project, dataset: 'ds' };
  for (const table of [predictionsTable, evaluationsTable])
    await emulator.query(createTableDdl(table, ds).text);
  // A vocabulary of 2,000 words; each candidate keeps about 70% of its reference's words and swaps the rest.
  const random = seededRandom(7);
  const vocabulary = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)];
  const references: string[] = [];
  const candidates: string[] = [];
  for (let i = 0; i < rows; i++) {
    const reference = Array.from({ length: tokens }, word);
    references.push(reference.join(' '));
    candidates.push(reference.map((w) => (random() < 0.7 ? w : word())).join(' '));
  }
  await emulator.query(
    `INSERT INTO \`${project}.ds.predictions\`
     SELECT 'r', '${project}.ds.m', 'fp', CAST(i AS STRING), reference, candidate, candidate, '', 1, CURRENT_TIMESTAMP
     FROM UNNEST(@references) AS reference WITH OFFSET AS i JOIN UNNEST(@candidates) AS candidate WITH OFFSET AS j ON i = j`,
    { references, candidates },
  );
  const sql = generationMetrics({
    predictions: { ...ds, table: predictionsTable.id },
    evaluations: { ...ds, table: evaluationsTable.id },
    model: { ...ds, model: 'm' },
    role: 'tuned',
    taskType: 'TEXT_GENERATION',
    runId: 'bench',
    evalFingerprint: 'fp',
  });
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await emulator.query(sql.text, { run_id: 'bench', eval_fingerprint: 'fp' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const written = await emulator.query(
    `SELECT metric, value FROM \`${project}.ds.evaluations\` WHERE scope = 'overall' ORDER BY metric`,
  );

  const long = Array.from({ length: 4000 }, word);
  const lcsStart = process.hrtime.bigint();
  const { rows: scored } = await emulator.query(
    `${sql.text.slice(0, sql.text.indexOf('INSERT INTO'))}SELECT text_scores(@a, @b).rouge_l_f1 AS f1`,
    { a: long.join(' '), b: [...long].reverse().join(' ') },
  );
  const lcsSeconds = Number(process.hrtime.bigint() - lcsStart) / 1e9;
  await emulator.close();
  fs.rmSync(root, { recursive: true, force: true });

  console.log(`generation metrics over ${rows} rows of ${tokens} tokens: ${seconds.toFixed(2)} s`);
  console.log(`  ${cpuSeconds.toFixed(2)} s of CPU (${((cpuSeconds / rows) * 1000).toFixed(3)} ms a row)`);
  for (const r of written.rows) console.log(`  ${String(r.metric)} ${Number(r.value).toFixed(4)}`);
  console.log(
    `one 4,000 x 4,000-token ROUGE-L: ${lcsSeconds.toFixed(2)} s (F1 ${Number(scored[0].f1).toFixed(4)})`,
  );
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
