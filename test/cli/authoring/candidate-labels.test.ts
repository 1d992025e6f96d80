import { candidateLabelsWarning } from '../../../cli/authoring/candidate-labels';

const task = (prefix: string, suffix = '', type: 'classification' | 'summarization' = 'classification') => ({
  task: {
    type,
    labels: ['Billing', 'Technical Issue', 'Account Access', 'Other'],
    promptTemplate: { prefix, suffix },
  },
});

describe('candidateLabelsWarning', () => {
  test('a classification prompt without a bracketed list is warned about, naming labels to list', () => {
    expect(candidateLabelsWarning(task('Classify the ticket: '))).toBe(
      'task.promptTemplate does not list the candidate labels in brackets: the local base model answers ' +
        'zero-shot only among labels it reads from the prompt, so its baseline would score 0.0; add e.g. ' +
        '"one of [Billing, Technical Issue, Account Access, ...]" to the prefix',
    );
  });

  test('a list in the prefix or in the suffix is enough', () => {
    expect(candidateLabelsWarning(task('Pick one of [Billing, Other]. TICKET: '))).toBeUndefined();
    expect(candidateLabelsWarning(task('TICKET: ', ' Answer with one of [Billing, Other].'))).toBeUndefined();
  });

  test('brackets around a single item are not a list, as the local model reads them', () => {
    expect(candidateLabelsWarning(task('[ticket] Classify: '))).toMatch(/does not list the candidate labels/);
  });

  test('a task without labels has nothing to list', () => {
    expect(candidateLabelsWarning(task('Summarise: ', '', 'summarization'))).toBeUndefined();
  });
});
