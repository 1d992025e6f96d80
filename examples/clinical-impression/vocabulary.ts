/**
 * Made-up clinical vocabulary the synthetic notes are assembled from; nothing here comes from a real record.
 * Each condition's impression names it in words its notes never use (the notes describe symptoms, findings
 * and results), so copying the note cannot produce the impression; the neighbour is a condition whose
 * symptoms its notes sometimes mention, so the words of one symptom are not enough either.
 */
export interface Condition {
  /** How the impression names the condition; none of its words occurs in any note. */
  impression: string;
  symptoms: string[];
  findings: string[];
  results: string[];
  neighbour: string;
}

export const conditions: Record<string, Condition> = {
  pneumonia: {
    impression: 'Community-acquired pneumonia',
    symptoms: ['fever', 'productive cough', 'pleuritic chest pain', 'rigors'],
    findings: [
      'crackles at the right base',
      'bronchial breath sounds on the left',
      'dullness at the left base',
    ],
    results: ['chest film shows lobar consolidation', 'white cell count 16'],
    neighbour: 'copd',
  },
  copd: {
    impression: 'Obstructive airways flare',
    symptoms: ['worsening breathlessness', 'increased sputum', 'wheeze', 'productive cough'],
    findings: ['widespread expiratory wheeze', 'prolonged expiration', 'hyperinflated chest'],
    results: ['blood gas shows mild hypercapnia', 'peak flow well below baseline'],
    neighbour: 'pneumonia',
  },
  stemi: {
    impression: 'Acute inferior myocardial infarction',
    symptoms: ['crushing central chest pain', 'pain radiating to the jaw', 'sweating', 'nausea'],
    findings: ['cool clammy skin', 'soft fourth heart sound', 'bradycardia'],
    results: ['ECG shows ST elevation in II, III and aVF', 'troponin markedly raised'],
    neighbour: 'pe',
  },
  pe: {
    impression: 'Suspected pulmonary embolus',
    symptoms: ['sudden breathlessness', 'pleuritic chest pain', 'haemoptysis', 'calf swelling'],
    findings: ['tachycardia and a clear chest', 'a swollen tender left calf', 'oxygen saturation 89% on air'],
    results: ['D-dimer raised', 'ECG shows sinus tachycardia only'],
    neighbour: 'stemi',
  },
  appendicitis: {
    impression: 'Acute appendicitis',
    symptoms: ['periumbilical pain moving to the right iliac fossa', 'anorexia', 'nausea', 'low-grade fever'],
    findings: ['guarding in the right iliac fossa', 'rebound tenderness', "positive Rovsing's sign"],
    results: ['white cell count 14', 'CRP 80'],
    neighbour: 'cholecystitis',
  },
  cholecystitis: {
    impression: 'Acute calculous gallbladder inflammation',
    symptoms: [
      'right upper quadrant pain after fatty meals',
      'nausea',
      'fever',
      'pain radiating to the shoulder',
    ],
    findings: ["positive Murphy's sign", 'tenderness under the right costal margin'],
    results: ['ultrasound shows stones and a thickened wall', 'white cell count 13'],
    neighbour: 'appendicitis',
  },
  stroke: {
    impression: 'Acute dominant hemisphere ischaemic stroke',
    symptoms: ['sudden right arm weakness', 'slurred speech', 'facial droop', 'word-finding difficulty'],
    findings: ['right-sided pronator drift', 'expressive dysphasia', 'right lower facial weakness'],
    results: ['CT head shows no bleed', 'glucose normal'],
    neighbour: 'migraine',
  },
  migraine: {
    impression: 'Classical migraine',
    symptoms: ['throbbing unilateral headache', 'zigzag lights before the headache', 'photophobia', 'nausea'],
    findings: ['normal neurological examination', 'no neck stiffness'],
    results: ['CT head normal', 'inflammatory markers normal'],
    neighbour: 'stroke',
  },
  uti: {
    impression: 'Simple cystitis',
    symptoms: ['dysuria', 'urinary frequency', 'suprapubic discomfort', 'cloudy urine'],
    findings: ['suprapubic tenderness', 'no renal angle tenderness'],
    results: ['dipstick positive for nitrites and leucocytes', 'urine culture pending'],
    neighbour: 'pyelonephritis',
  },
  pyelonephritis: {
    impression: 'Acute pyelonephritis',
    symptoms: ['loin pain', 'fever', 'rigors', 'dysuria'],
    findings: ['renal angle tenderness', 'temperature 39.2'],
    results: ['dipstick positive for nitrites', 'creatinine mildly raised'],
    neighbour: 'uti',
  },
  dka: {
    impression: 'Diabetic ketoacidosis',
    symptoms: ['polyuria', 'thirst', 'vomiting', 'abdominal pain'],
    findings: ['deep sighing breathing', 'dry mucous membranes', 'a fruity smell on the breath'],
    results: ['glucose 28 with ketones 5.1', 'venous pH 7.12'],
    neighbour: 'gastroenteritis',
  },
  gastroenteritis: {
    impression: 'Viral gastroenteritis',
    symptoms: ['watery diarrhoea', 'vomiting', 'crampy abdominal pain', 'several household contacts unwell'],
    findings: ['soft non-tender abdomen', 'mildly dry mucous membranes'],
    results: ['electrolytes normal', 'glucose normal'],
    neighbour: 'dka',
  },
};

/**
 * Past history a note may record, which the impression repeats after "with" (so it is copied, and has one,
 * two or three words).
 */
export const comorbidities = [
  'asthma',
  'hypertension',
  'COPD',
  'epilepsy',
  'atrial fibrillation',
  'heart failure',
  'type 2 diabetes',
  'chronic kidney disease',
  'rheumatoid arthritis',
];

export const filler = {
  visits: ['ED NOTE', 'ADMISSION NOTE', 'CLINIC NOTE', 'ON-CALL NOTE', 'GP REFERRAL'],
  sexes: ['man', 'woman'],
  openings: ['presents with', 'attends with', 'is seen with', 'reports'],
  durations: ['since this morning', 'for two days', 'for three days', 'overnight', 'for a week'],
  history: ['Past history of', 'Known', 'Background of'],
  social: [
    'Lives alone and is independent.',
    'Non-smoker, drinks little alcohol.',
    'Ex-smoker of 20 pack-years.',
    'Works as a teacher.',
    'Lives with family.',
    'No known drug allergies.',
    'Takes no regular medication.',
  ],
  examIntros: ['On examination there is', 'Examination shows', 'Exam notable for'],
  resultIntros: ['Bloods and imaging:', 'Results:', 'Investigations:'],
  plans: [
    'Plan to admit and review in the morning.',
    'Discussed with the on-call registrar.',
    'Observations to be repeated in four hours.',
    'Family updated at the bedside.',
    'Safety-netting advice given.',
  ],
};
