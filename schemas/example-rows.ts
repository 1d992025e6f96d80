import { SchemaValidationError } from './messages';
import type { SchemaIssue } from './messages';
import type { ExampleRow } from './types.generated';
import { validateExampleRow } from './validate';

/** Stop listing after this many bad lines: a wrong file would otherwise repeat one mistake thousands of times. */
const maxReportedLines = 20;

/**
 * The rows of a newline-delimited JSON file, each checked against the example-row schema. Every bad line is
 * reported with its line number (blank lines are skipped, as BigQuery does).
 */
export function parseExampleRows(text: string, source: string): ExampleRow[] {
  const rows: ExampleRow[] = [];
  const issues: SchemaIssue[] = [];
  let badLines = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    let lineIssues: readonly SchemaIssue[] = [];
    try {
      rows.push(validateExampleRow(JSON.parse(line), where));
    } catch (err) {
      if (err instanceof SchemaValidationError) lineIssues = err.issues;
      else if (err instanceof SyntaxError)
        lineIssues = [{ path: '(root)', message: `is not JSON: ${err.message}` }];
      else throw err;
    }
    if (lineIssues.length === 0) return;
    badLines++;
    if (badLines > maxReportedLines) return;
    for (const issue of lineIssues)
      issues.push({ path: `${where}: ${issue.path}`, message: `${where}: ${issue.message}` });
  });
  if (badLines > maxReportedLines) {
    issues.push({ path: '', message: `... and ${badLines - maxReportedLines} more bad lines` });
  }
  if (issues.length > 0) throw new SchemaValidationError(source, issues);
  return rows;
}
