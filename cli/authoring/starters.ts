import type { PipelineConfig } from '../../schemas/types.generated';
import { defaultBaseEndpoint } from '../../bigquery/model-catalog';

/** The task types `bqtune init --task` writes a starter for: the schema's `task.type` values. */
export const starterTaskTypes = [
  'classification',
  'text_generation',
  'summarization',
  'question_answering',
] as const;
export type StarterTaskType = (typeof starterTaskTypes)[number];

/** One `{input_text, output_text}` row of a starter's data, as the pipeline loads it. */
export interface StarterRow {
  input_text: string;
  output_text: string;
}

/** A config as its author writes it: what the schema fills with defaults may be left out. */
type AsWritten<T> = { [K in keyof T]?: T[K] extends object ? AsWritten<T[K]> : T[K] };

export interface Starter {
  /**
   * The config as written to `config.yaml`, without `$schema` and `data` (they depend on where it is
   * written); the tests validate every starter against the schema.
   */
  config: AsWritten<Omit<PipelineConfig, 'data'>>;
  train: StarterRow[];
  eval: StarterRow[];
}

/**
 * Row minimums small enough for a starter's handful of rows: 10 train rows is BigQuery ML's own minimum for
 * tuning (the schema's floor). Real data needs far more; `bqtune init` says so.
 */
const starterChecks = { minTrainRows: 10, minEvalRows: 5 };

const rows = (pairs: [string, string][]): StarterRow[] =>
  pairs.map(([input_text, output_text]) => ({ input_text, output_text }));

const ticketLabels = ['Billing', 'Technical Issue', 'Account Access'];

/**
 * Routing support tickets. The prefix lists the candidate labels in brackets, the form the local base
 * model reads its candidates from (and a clear instruction for Gemini too).
 */
const classification: Starter = {
  config: {
    name: 'ticket-triage',
    description: 'Route a support ticket to the team that handles it (a starter: replace with your task).',
    task: {
      type: 'classification',
      labels: ticketLabels,
      promptTemplate: {
        prefix: `Classify the support ticket into one of these labels [${ticketLabels.join(', ')}]. TICKET: `,
      },
    },
    model: {
      baseEndpoint: defaultBaseEndpoint,
      tuning: { maxIterations: 300, evaluationTask: 'CLASSIFICATION' },
      generation: { maxOutputTokens: 16, temperature: 0 },
    },
    checks: starterChecks,
    // Two eval rows per label are below minLabelSupport (10), so no single label's F1 can reject the run
    // alone: the gate decides on macro F1, which is all a starter this small can support.
    gate: { metric: 'macro_f1', minImprovementOverBaseline: 0.02 },
    deploy: { servingName: 'ticket_triage' },
  },
  train: rows([
    ['I was charged twice for my monthly subscription this month.', 'Billing'],
    ["Please send me an invoice for last quarter's payment.", 'Billing'],
    ['My credit card payment was declined but the money left my bank.', 'Billing'],
    ['Can I get a refund for the annual plan I cancelled yesterday?', 'Billing'],
    ['The mobile app crashes every time I open the settings page.', 'Technical Issue'],
    ['Uploading a file larger than 10 MB fails with an error.', 'Technical Issue'],
    ['The dashboard has been loading very slowly since the last update.', 'Technical Issue'],
    ['Export to CSV produces an empty file.', 'Technical Issue'],
    ['I forgot my password and the reset email never arrives.', 'Account Access'],
    ['My account is locked after too many login attempts.', 'Account Access'],
    ['How do I turn on two-factor authentication for my login?', 'Account Access'],
    ['I cannot sign in with my company single sign-on.', 'Account Access'],
  ]),
  eval: rows([
    ['Why does my receipt show a higher price than the plan I chose?', 'Billing'],
    ['I need to change the credit card you charge each month.', 'Billing'],
    ['Search returns no results even for words I know are there.', 'Technical Issue'],
    ['The app shows a blank screen after the latest update.', 'Technical Issue'],
    ['The password reset link says it has expired.', 'Account Access'],
    ['I want to change the email address I use to sign in.', 'Account Access'],
  ]),
};

const generationModel = (evaluationTask: 'TEXT_GENERATION' | 'SUMMARIZATION' | 'QUESTION_ANSWERING') => ({
  baseEndpoint: defaultBaseEndpoint,
  tuning: { maxIterations: 300, evaluationTask },
  generation: { maxOutputTokens: 128, temperature: 0 },
});

const summarization: Starter = {
  config: {
    name: 'meeting-summary',
    description: 'Summarise meeting notes in one sentence (a starter: replace with your task).',
    task: {
      type: 'summarization',
      promptTemplate: { prefix: 'Summarise these meeting notes in one sentence. NOTES: ' },
    },
    model: generationModel('SUMMARIZATION'),
    checks: starterChecks,
    deploy: { servingName: 'meeting_summary' },
  },
  train: rows([
    [
      'Anna presented the Q3 budget. Travel is over by 12%. The team agreed to freeze travel until October.',
      'Travel is frozen until October because the Q3 travel budget is 12% over.',
    ],
    [
      'The release slipped one week because two tests fail on Windows. Marco will fix them by Friday.',
      'The release moves one week while Marco fixes two failing Windows tests by Friday.',
    ],
    [
      'We reviewed the hiring plan. Two backend roles open in May; the designer role waits until Q4.',
      'Two backend roles open in May and the designer hire waits until Q4.',
    ],
    [
      'Customer churn rose to 4%. Support will call every customer who cancelled last month.',
      "Support will call last month's cancelled customers after churn rose to 4%.",
    ],
    [
      'The office move is set for June 3. Everyone packs their desk by May 31.',
      'The office moves on June 3, with desks packed by May 31.',
    ],
    [
      'Security audit found three outdated libraries. Lee upgrades them this sprint.',
      'Lee upgrades three outdated libraries the audit found this sprint.',
    ],
    [
      'Marketing will launch the spring campaign on March 10 with a 15% discount for new users.',
      'The spring campaign launches March 10 with 15% off for new users.',
    ],
    [
      'The data warehouse costs doubled. Priya will delete unused tables and set expirations.',
      'Priya will cut doubled warehouse costs by deleting unused tables and setting expirations.',
    ],
    [
      'Onboarding takes new staff two weeks. HR proposes a checklist to cut it to one week.',
      'HR proposes a checklist to halve onboarding to one week.',
    ],
    [
      'The API error rate hit 2% after the deploy. The team rolled back and will add a canary stage.',
      'After a 2% error spike the deploy was rolled back and a canary stage will be added.',
    ],
  ]),
  eval: rows([
    [
      'Sales closed 14 deals in April, two above target. The bonus pool is confirmed.',
      'April sales beat target with 14 deals, confirming the bonus pool.',
    ],
    [
      'The mobile app rating fell to 3.9. Design will fix the login screen first.',
      'Design fixes the login screen first after the app rating fell to 3.9.',
    ],
    [
      'Vendor contracts renew in July. Finance will compare three offers by June.',
      'Finance compares three vendor offers by June before July renewals.',
    ],
    [
      'The intern project ends Friday with a demo at 3 pm.',
      'The intern project ends with a 3 pm demo on Friday.',
    ],
    [
      'Backups failed twice this week. Ops will add an alert and test restores monthly.',
      'Ops adds a backup alert and monthly restore tests after two failures.',
    ],
  ]),
};

const questionAnswering: Starter = {
  config: {
    name: 'policy-answers',
    description: 'Answer a question from a short policy text (a starter: replace with your task).',
    task: {
      type: 'question_answering',
      promptTemplate: {
        prefix: 'Answer the question from the text, in a few words. ',
        suffix: '\nANSWER:',
      },
    },
    model: generationModel('QUESTION_ANSWERING'),
    checks: starterChecks,
    deploy: { servingName: 'policy_answers' },
  },
  train: rows([
    [
      'TEXT: Refunds are possible within 30 days of purchase. QUESTION: How long can I ask for a refund?',
      '30 days',
    ],
    ['TEXT: Support is open 8 am to 6 pm on weekdays. QUESTION: When does support close?', '6 pm'],
    ['TEXT: Each plan includes 5 users; more users cost $4 each. QUESTION: How much is an extra user?', '$4'],
    [
      'TEXT: Invoices are sent on the first day of each month. QUESTION: When are invoices sent?',
      'the first day of each month',
    ],
    [
      'TEXT: Passwords must have at least 12 characters. QUESTION: How long must a password be?',
      'at least 12 characters',
    ],
    ['TEXT: Data is stored in Frankfurt for EU customers. QUESTION: Where is EU data stored?', 'Frankfurt'],
    [
      'TEXT: The free trial lasts 14 days and needs no card. QUESTION: How long is the free trial?',
      '14 days',
    ],
    ['TEXT: Deleted files stay in the bin for 60 days. QUESTION: How long do deleted files stay?', '60 days'],
    ['TEXT: Annual plans get a 20% discount. QUESTION: What discount do annual plans get?', '20%'],
    ['TEXT: Exports are limited to 100,000 rows. QUESTION: What is the export limit?', '100,000 rows'],
  ]),
  eval: rows([
    ['TEXT: Uploads may be up to 2 GB each. QUESTION: How large can an upload be?', '2 GB'],
    [
      'TEXT: Accounts lock after 5 failed logins. QUESTION: When does an account lock?',
      'after 5 failed logins',
    ],
    [
      'TEXT: The status page updates every 5 minutes. QUESTION: How often does the status page update?',
      'every 5 minutes',
    ],
    ['TEXT: Teams can have at most 3 admins. QUESTION: How many admins can a team have?', '3'],
    [
      'TEXT: Price changes are announced 30 days ahead. QUESTION: How early are price changes announced?',
      '30 days ahead',
    ],
  ]),
};

const textGeneration: Starter = {
  config: {
    name: 'product-blurbs',
    description: 'Write a one-sentence product blurb from its features (a starter: replace with your task).',
    task: {
      type: 'text_generation',
      promptTemplate: { prefix: 'Write a one-sentence product blurb from these features. FEATURES: ' },
    },
    model: generationModel('TEXT_GENERATION'),
    checks: starterChecks,
    deploy: { servingName: 'product_blurbs' },
  },
  train: rows([
    [
      'steel water bottle; keeps drinks cold 24 hours; 750 ml',
      'A 750 ml steel bottle that keeps drinks cold for 24 hours.',
    ],
    [
      'wireless earbuds; 8 hour battery; noise cancelling',
      'Noise-cancelling wireless earbuds with 8 hours of battery.',
    ],
    [
      'desk lamp; three brightness levels; USB charging port',
      'A desk lamp with three brightness levels and a USB charging port.',
    ],
    [
      'hiking backpack; 30 litres; rain cover included',
      'A 30-litre hiking backpack that comes with a rain cover.',
    ],
    ['coffee grinder; 15 grind settings; quiet motor', 'A quiet coffee grinder with 15 grind settings.'],
    ['yoga mat; 6 mm thick; non-slip surface', 'A 6 mm yoga mat with a non-slip surface.'],
    ['phone stand; foldable; fits all phone sizes', 'A foldable phone stand that fits every phone.'],
    [
      'rain jacket; breathable; packs into its pocket',
      'A breathable rain jacket that packs into its own pocket.',
    ],
    ['kitchen scale; 1 gram precision; 5 kg capacity', 'A kitchen scale weighing up to 5 kg to the gram.'],
    ['bike light; 400 lumens; waterproof', 'A waterproof 400-lumen bike light.'],
  ]),
  eval: rows([
    ['travel mug; leak-proof lid; 400 ml', 'A leak-proof 400 ml travel mug.'],
    ['power bank; 20,000 mAh; two USB-C ports', 'A 20,000 mAh power bank with two USB-C ports.'],
    ['notebook; dotted pages; lies flat', 'A dotted notebook that lies flat.'],
    ['running socks; cushioned heel; quick-drying', 'Quick-drying running socks with a cushioned heel.'],
    ['plant pot; self-watering; 20 cm wide', 'A 20 cm self-watering plant pot.'],
  ]),
};

/** Each task type's starter. */
export const starters: Record<StarterTaskType, Starter> = {
  classification,
  text_generation: textGeneration,
  summarization,
  question_answering: questionAnswering,
};
