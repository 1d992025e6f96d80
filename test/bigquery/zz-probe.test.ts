import { int64Lit, join, normalizeLabel, normalizeLabelSql, sql, stringParam, toSql } from '../../bigquery';
import { openLocalEnvironment } from '../../cli/local/environment';
import { tempDir } from '../cli/local/fixtures';
const hostile = ['\u0130stanbul', 'ISTANBUL', '\u039f\u0394\u039f\u03a3', '\u039f\u0394\u039f\u03a3 X', '\u1e9e', 'STRA\u00dfE', '\ufb00', '\ufb03', 'a\u200bb', 'a\u200db', '\ufeffx', 'e\u0301\u0327', 'A\u030a', '\u01c5', '\u2126', '\u212a', 'x'.repeat(5000) + ' - Y', '\u0345', '\u1f88', 'a\u0085b', 'a\u2028b', '\u00ad', 'Ǆ', '\u0049\u0307', 'ſ', '\u03d0', 'ﬅ'];
test('probe', async () => {
  const env = await openLocalEnvironment(tempDir('np'));
  const selects = hostile.map((input, i) => sql`SELECT ${int64Lit(i, 'i')} AS i, ${normalizeLabelSql(sql`${stringParam(`case_${i}`, input)}`)} AS v`);
  const q = toSql(sql`${join(selects, sql` UNION ALL `)} ORDER BY i`);
  const { rows } = await env.bigquery.query(q.text, q.params);
  hostile.forEach((h, i) => { const a = normalizeLabel(h), b = rows[i].v as string; if (a !== b) console.log('DIFF', JSON.stringify(h.slice(0,20)), JSON.stringify(a.slice(0,30)), JSON.stringify(b.slice(0,30)), a.length, b.length); });
  await env.close();
});
