import type { PipelineConfig } from '../../schemas/types.generated';
import { parsePrompt } from '../../emulator/model/prompt';

/**
 * The warning for a classification prompt the local base model cannot answer: it picks its zero-shot
 * answer among the candidate labels it reads from a bracketed list in the prompt ("... labels [A, B, C].
 * TEXT: "), read here exactly as the model reads it (emulator/model/prompt.ts). Without such a list in the
 * prefix or suffix it answers with the input's first sentence, so the baseline scores 0.0 on every label.
 * Undefined when there is nothing to say (a list is there, or the task has no labels).
 */
export function candidateLabelsWarning(config: Pick<PipelineConfig, 'task'>): string | undefined {
  const { task } = config;
  if ((task.type ?? 'classification') !== 'classification') return undefined;
  const template = task.promptTemplate;
  const listed = [template.prefix, template.suffix ?? ''].some((text) => parsePrompt(text).labels.length > 0);
  if (listed) return undefined;
  const example = (task.labels ?? []).slice(0, 3).join(', ');
  return (
    'task.promptTemplate does not list the candidate labels in brackets: the local base model answers ' +
    `zero-shot only among labels it reads from the prompt, so its baseline would score 0.0; add e.g. "one of [${example}${(task.labels ?? []).length > 3 ? ', ...' : ''}]" to the prefix`
  );
}
