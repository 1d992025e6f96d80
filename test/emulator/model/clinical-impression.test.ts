import fs from 'node:fs';
import path from 'node:path';
import config from '../../../examples/clinical-impression/pipeline.json';
import { LocalModel } from '../../../emulator/model';
import { parseExampleRows } from '../../../schemas';
import { connection, harness, type Harness } from '../bigquery/harness';

/*
 * The generation example through the local BigQuery: the committed data loaded with LOAD DATA, a base and
 * a tuned remote model made with CREATE MODEL, answers from AI.GENERATE_TEXT and ML.GENERATE_TEXT, scored
 * here by a scorer of the test's own (not the emulator's ML.EVALUATE).
 */

const dataDir = path.join(__dirname, '..', '..', '..', 'examples', 'clinical-impression', 'data');
const read = (name: string) =>
  parseExampleRows(fs.readFileSync(path.join(dataDir, name), 'utf8'), name).map((row) => ({
    input_text: row.input_text,
    output_text: row.output_text as string,
  }));
const train = read('train.jsonl');
const heldOut = read('eval.jsonl');
const prefix = config.task.promptTemplate.prefix;

/** Lower-cased words and numbers: the unit both scores count in. */
const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** ROUGE-L F1 of one answer (Lin 2004): LCS over the answer's and the reference's lengths. */
function rougeL(answer: string, reference: string): number {
  const a = tokens(answer);
  const r = tokens(reference);
  const common = lcs(a, r);
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / r.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Corpus BLEU-4 (Papineni et al. 2002): clipped n-gram precisions 1..4, geometric mean, brevity penalty. */
function bleu4(answers: string[], references: string[]): number {
  const matched = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let answerLength = 0;
  let referenceLength = 0;
  answers.forEach((answer, i) => {
    const a = tokens(answer);
    const r = tokens(references[i]);
    answerLength += a.length;
    referenceLength += r.length;
    for (let n = 1; n <= 4; n++) {
      const counts = new Map<string, number>();
      for (let k = 0; k + n <= r.length; k++) {
        const gram = r.slice(k, k + n).join(' ');
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
      for (let k = 0; k + n <= a.length; k++) {
        const gram = a.slice(k, k + n).join(' ');
        const left = counts.get(gram) ?? 0;
        if (left > 0) {
          matched[n - 1]++;
          counts.set(gram, left - 1);
        }
      }
      total[n - 1] += Math.max(0, a.length - n + 1);
    }
  });
  if (matched.some((m) => m === 0)) return 0;
  const logPrecision = matched.reduce((sum, m, n) => sum + Math.log(m / total[n]), 0) / 4;
  const brevity = answerLength >= referenceLength ? 1 : Math.exp(1 - referenceLength / answerLength);
  return brevity * Math.exp(logPrecision);
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('the scorer of this test', () => {
  it('gives the values worked out by hand', () => {
    // LCS "the cat on the mat" = 5 words: precision 5/6, recall 5/5, F1 = 10/11.
    expect(rougeL('the cat sat on the mat', 'the cat on the mat')).toBeCloseTo(10 / 11, 12);
    expect(rougeL('nothing shared', 'the cat')).toBe(0);
    expect(bleu4(['the cat sat on the mat'], ['the cat sat on the mat'])).toBeCloseTo(1, 12);
    // 1-grams 5/6, 2-grams 3/5, 3-grams 1/4, 4-grams 0/3 (no smoothing): 0.
    expect(bleu4(['the cat sat on the mat'], ['the cat on the mat'])).toBe(0);
    // Answer "a b c d e" for reference "a b c d e f g": every precision 1, brevity exp(1 - 7/5).
    expect(bleu4(['a b c d e'], ['a b c d e f g'])).toBeCloseTo(Math.exp(1 - 7 / 5), 12);
  });
});

describe('clinical-impression through AI.GENERATE_TEXT and ML.GENERATE_TEXT', () => {
  let h: Harness;
  const sqlPrefix = `'${prefix.replace(/\n/g, '\\n')}'`;
  const generate = async (model: string): Promise<string[]> => {
    const { rows } = await h.emulator.query(`
      SELECT result, output_text FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.${model}\`,
        (SELECT CONCAT(${sqlPrefix}, input_text) AS prompt, output_text, id FROM \`test-proj.ds.eval\`),
        STRUCT(${config.model.generation.maxOutputTokens} AS max_output_tokens, 0.0 AS temperature))
      ORDER BY id`);
    expect(rows.map((row) => row.output_text)).toEqual(heldOut.map((row) => row.output_text));
    return rows.map((row) => String(row.result));
  };

  beforeAll(async () => {
    h = await harness();
    const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
    h.writeObject('gs://bkt/train.jsonl', jsonl(train));
    h.writeObject('gs://bkt/eval.jsonl', jsonl(heldOut.map((row, id) => ({ id, ...row }))));
    await h.emulator.query(
      "LOAD DATA OVERWRITE `test-proj.ds.train` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/train.jsonl'])",
    );
    await h.emulator.query(
      "LOAD DATA OVERWRITE `test-proj.ds.eval` (id INT64, input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/eval.jsonl'])",
    );
    await h.emulator.query(
      `CREATE MODEL \`test-proj.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    );
    const tuning = config.model.tuning;
    await h.emulator.query(`
      CREATE MODEL \`test-proj.ds.tuned\` REMOTE WITH CONNECTION \`${connection}\`
      OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=${tuning.maxIterations},
        learning_rate_multiplier=${tuning.learningRateMultiplier}, data_split_method='NO_SPLIT',
        evaluation_task='SUMMARIZATION')
      AS SELECT CONCAT(${sqlPrefix}, input_text) AS prompt, output_text AS label FROM \`test-proj.ds.train\``);
  });
  afterAll(() => h.emulator.close());

  it('the eval notes are not among the training notes', () => {
    const trainInputs = new Set(train.map((row) => row.input_text));
    expect(heldOut.filter((row) => trainInputs.has(row.input_text))).toEqual([]);
    expect([train.length, heldOut.length]).toEqual([400, 120]);
  });

  it('the tuned model is what tuning on the training rows alone gives', async () => {
    const record = JSON.parse(
      fs.readFileSync(path.join(h.dataDir, 'models', 'test-proj.ds.tuned.json'), 'utf8'),
    ) as { state: unknown; training: { trainRows: number } };
    expect(record.training.trainRows).toBe(train.length);
    const { model } = LocalModel.tune(
      train.map((row) => ({ prompt: prefix + row.input_text, label: row.output_text })),
      config.model.tuning,
    );
    expect(record.state).toEqual(JSON.parse(JSON.stringify(model.toState())));
  });

  it('the base answers with the note’s first sentence; the tuned model clearly beats it on held-out rows', async () => {
    const base = await generate('base');
    const tuned = await generate('tuned');
    heldOut.forEach((row, i) => expect(base[i]).toBe(/^.*?[.!?](?=\s|$)/.exec(row.input_text)![0]));
    const references = heldOut.map((row) => row.output_text);
    const baseRouge = mean(base.map((answer, i) => rougeL(answer, references[i])));
    const tunedRouge = mean(tuned.map((answer, i) => rougeL(answer, references[i])));
    const baseBleu = bleu4(base, references);
    const tunedBleu = bleu4(tuned, references);
    // Figures at the time of writing: ROUGE-L F1 0.355 → 0.961, BLEU-4 0.176 → 0.939,
    // 88 of 120 answers exactly the reference.
    expect(tunedRouge - baseRouge).toBeGreaterThan(0.4);
    expect(tunedBleu - baseBleu).toBeGreaterThan(0.4);
    // Copying alone cannot name the condition; the tuned model does, for most rows, in the words of the
    // training impressions, and fills in this note's own age.
    const exact = tuned.filter((answer, i) => answer === references[i]).length / references.length;
    expect(exact).toBeGreaterThan(0.5);
    expect(base.filter((answer, i) => answer === references[i])).toEqual([]);
  });

  it('answers the same twice, and ML.GENERATE_TEXT gives the answers AI.GENERATE_TEXT gives', async () => {
    const first = await generate('tuned');
    expect(await generate('tuned')).toEqual(first);
    const { rows } = await h.emulator.query(`
      SELECT ml_generate_text_llm_result AS text FROM ML.GENERATE_TEXT(MODEL \`test-proj.ds.tuned\`,
        (SELECT CONCAT(${sqlPrefix}, input_text) AS prompt, id FROM \`test-proj.ds.eval\`),
        STRUCT(64 AS max_output_tokens, TRUE AS flatten_json_output))
      ORDER BY id`);
    expect(rows.map((row) => row.text)).toEqual(first);
  });
});
