import { LocalModel } from '../../../emulator/model';
import { LowRankAdapter } from '../../../emulator/model/adapter';
import { parsePrompt } from '../../../emulator/model/prompt';
import { fillTemplate, formWordShare, learnTemplates, maxTemplates } from '../../../emulator/model/templates';

const options = { maxIterations: 400, learningRateMultiplier: 1 };

describe('the instruction line of a free-text prompt', () => {
  it('is dropped when it ends in a colon and more text follows', () => {
    expect(parsePrompt('Summarise this note:\nThe knee hurts. It is swollen.').input).toBe(
      'The knee hurts. It is swollen.',
    );
    expect(parsePrompt('Summarise this note:  \r\nThe knee hurts.').input).toBe('The knee hurts.');
  });

  it('stays when the colon does not end the line, there is no newline, or nothing follows', () => {
    expect(parsePrompt('Note: the knee hurts.\nIt is swollen.').input).toBe(
      'Note: the knee hurts.\nIt is swollen.',
    );
    expect(parsePrompt('Summarise: it rained.').input).toBe('Summarise: it rained.');
    expect(parsePrompt('Summarise this note:\n  ').input).toBe('Summarise this note:\n  ');
    expect(parsePrompt('A first line\nThe knee hurts.').input).toBe('A first line\nThe knee hurts.');
  });

  it('is not in the base model’s extractive answer', () => {
    expect(LocalModel.base().generate('Summarise this note:\nThe knee hurts. It is swollen.', 64).text).toBe(
      'The knee hurts.',
    );
  });
});

describe('classification or generation, decided from the training answers', () => {
  const pair = (input: string, label: string) => ({ prompt: `Note:\n${input}`, label });

  it('answers that repeat (at most one distinct per two rows) make a classifier', () => {
    // 4 rows, 2 distinct answers: exactly the boundary.
    const { model } = LocalModel.tune(
      [
        pair('rash and itching', 'skin'),
        pair('itching mole', 'skin'),
        pair('broken femur', 'bone'),
        pair('knee fracture', 'bone'),
      ],
      options,
    );
    expect(model.toState().templates).toBeUndefined();
    expect(model.toState().adapter?.labels).toEqual(['skin', 'bone']);
  });

  it('answers that repeat less often make a free-text model', () => {
    // 5 rows, 3 distinct answers: one past the boundary.
    const { model } = LocalModel.tune(
      [
        pair('rash and itching', 'skin'),
        pair('itching mole', 'skin'),
        pair('broken femur', 'bone'),
        pair('knee fracture', 'bone'),
        pair('chest pain', 'heart'),
      ],
      options,
    );
    expect(model.toState().templates?.map((t) => t.parts)).toEqual([['skin'], ['bone'], ['heart']]);
    expect(model.toState().adapter).toMatchObject({ labels: ['t0', 't1', 't2'], labelOverlap: false });
    expect(model.generate('Note:\nitching on the arm', 16).text).toBe('skin');
  });

  it('more distinct answers than a task may declare labels (200) are free text, however often they repeat', () => {
    // Each answer twice: the repetition rule alone would call both sets labels.
    const repeated = (distinct: number) =>
      Array.from({ length: distinct }, (_, i) => [
        pair(`note ${i} first`, `answer ${i}`),
        pair(`note ${i} second`, `answer ${i}`),
      ]).flat();
    const atCap = LocalModel.tune(repeated(200), { ...options, maxIterations: 1 }).model.toState();
    expect(atCap.templates).toBeUndefined();
    expect(atCap.adapter?.labels).toHaveLength(200);
    const pastCap = LocalModel.tune(repeated(201), { ...options, maxIterations: 1 }).model.toState();
    expect(pastCap.templates).toBeDefined();
    expect(pastCap.adapter?.labelOverlap).toBe(false);
  });

  it('labels compare trimmed and case-blind, as the classifier reads them', () => {
    const { model } = LocalModel.tune(
      [pair('a', 'Skin'), pair('b', ' skin '), pair('c', 'SKIN'), pair('d', 'Bone')],
      options,
    );
    expect(model.toState().templates).toBeUndefined();
  });
});

describe('answer templates', () => {
  it('copy the words an answer shares with its input into slots, keeping the rest as form', () => {
    const { templates, rowTemplate } = learnTemplates(
      ['Mr Smith, 67, has gout.', 'Ms Jones, 45, has lupus.', 'Dr Brown, 50, has gout.'],
      ['Gout: Smith, 67.', 'Lupus: Jones, 45.', 'Gout: Brown, 50.'],
    );
    // "gout" is in two answers of three, under the form share of 0.8; it is in the input, so a slot.
    expect(formWordShare).toBe(0.8);
    expect(templates).toHaveLength(1);
    expect(templates[0].parts).toEqual([0, ': ', 1, ', ', 2, '.']);
    expect(rowTemplate).toEqual([0, 0, 0]);
    // The capitalised "Gout" was copied from a lower-case "gout": the slot capitalises what it copies.
    expect(templates[0].slots[0]).toMatchObject({
      capitalised: 3,
      count: 3,
      left: { has: 3 },
      after: { '.': 3 },
    });
    expect(fillTemplate(templates[0], 'Mrs Green, 71, has psoriasis.')).toBe('Psoriasis: Green, 71.');
  });

  it('keep words most answers share as form, even when the input has them', () => {
    const inputs = ['a cat sat', 'a dog sat', 'a cow sat', 'a hen sat', 'one pig sat'];
    const answers = ['a cat', 'a dog', 'a cow', 'a hen', 'one pig'];
    const { templates } = learnTemplates(inputs, answers);
    // "a" is in 4 answers of 5 (= 0.8): form. "one" is in 1 of 5: copied.
    expect(templates.map((t) => t.parts)).toEqual([
      ['a ', 0],
      [0, ' ', 1],
    ]);
  });

  it('copy a phrase word after word, where the input has it', () => {
    const { templates } = learnTemplates(
      [
        'Seen today. History of type 2 diabetes. Type of visit: routine.',
        'Seen today. History of heart failure now. Type of visit: urgent.',
        'Seen today. History of chronic kidney disease. Type of visit: routine.',
      ],
      ['Known type 2 diabetes.', 'Known heart failure.', 'Known chronic kidney disease.'],
    );
    const threeWords = templates.find((t) => t.slots.length === 3)!;
    expect(threeWords.slots.map((slot) => slot.follows)).toEqual([0, 2, 2]);
    expect(
      fillTemplate(threeWords, 'Seen today. History of rheumatoid lung disease. Type of visit: routine.'),
    ).toBe('Known rheumatoid lung disease.');
  });

  it('fill a slot from the best-matching input word, or with its most frequent training word if none', () => {
    const { templates } = learnTemplates(
      ['the patient is 67', 'the patient is 45', 'the patient is 45 today'],
      ['age 67', 'age 45', 'age 45'],
    );
    // "80": "is" on its left (3 of 3), "today" on its right (1 of 3), spaces around it (3, 1): 2.67;
    // "today": "80" on its left (0), the end on its right (2 of 3), a space before, the end after: 2.33.
    expect(fillTemplate(templates[0], 'she is 80 today')).toBe('age 80');
    expect(fillTemplate(templates[0], '')).toBe('age 45');
  });

  it(`keep the ${maxTemplates} most frequent templates, ties by first sighting; other rows train nothing`, () => {
    const answers = Array.from({ length: maxTemplates + 2 }, (_, i) => `answer ${i}`);
    answers.push('answer 7');
    const inputs = answers.map(() => 'an input without the answer');
    const { templates, rowTemplate } = learnTemplates(inputs, answers);
    expect(templates).toHaveLength(maxTemplates);
    expect(templates[0].parts).toEqual(['answer 7']);
    expect(templates[0].rows).toBe(2);
    expect(templates[1].parts).toEqual(['answer 0']);
    expect(rowTemplate.slice(-3)).toEqual([-1, -1, 0]);
  });
});

describe('a free-text model', () => {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const age = 20 + ((i * 7) % 60);
    const [finding, answer] = [
      ['crackles and fever', 'Pneumonia'],
      ['wheeze and tight chest', 'Asthma attack'],
      ['crushing chest pain', 'Heart attack'],
    ][i % 3];
    return { prompt: `Summarise:\nAged ${age}, presents with ${finding}.`, label: `${answer}, age ${age}.` };
  });

  it('survives serialisation and tunes the same twice', () => {
    const first = LocalModel.tune(rows, options).model;
    const second = LocalModel.tune(rows, options).model;
    expect(second.toState()).toEqual(first.toState());
    const restored = LocalModel.fromState(JSON.parse(JSON.stringify(first.toState())));
    const prompt = 'Summarise:\nAged 93, presents with crushing chest pain.';
    expect(restored.generate(prompt, 64)).toEqual(first.generate(prompt, 64));
    expect(first.generate(prompt, 64).text).toBe('Heart attack, age 93.');
    expect(first.generate(prompt, 2).text).toBe('Heart attack,');
  });

  it('reads an adapter state written before the label-overlap flag as a classifier’s', () => {
    const { adapter } = LowRankAdapter.train(
      rows.map((row, i) => ({ ...row, input: row.prompt, label: ['A', 'B'][i % 2] })),
      options,
    );
    const state = adapter.toState();
    expect(state.labelOverlap).toBeUndefined();
    const again = LowRankAdapter.fromState({ ...state });
    expect(again.score('crackles', ['A', 'B'])).toEqual(adapter.score('crackles', ['A', 'B']));
  });
});
