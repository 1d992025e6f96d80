/**
 * Made-up clinical vocabulary the synthetic transcripts are assembled from. Nothing here comes from a real
 * record. Each specialty names a neighbour it is easily confused with; mixed-in neighbour terms and label noise
 * come from there, which is what keeps a zero-shot classifier from being perfect.
 */
export interface SpecialtyVocabulary {
  /** Phrases sharing word stems with the label's name, which a zero-shot classifier can pick up. */
  cues: string[];
  symptoms: string[];
  findings: string[];
  procedures: string[];
  medications: string[];
  neighbour: string;
}

export const vocabulary: Record<string, SpecialtyVocabulary> = {
  'Allergy / Immunology': {
    cues: ['an allergic reaction', 'allergies since childhood', 'immunotherapy shots'],
    symptoms: [
      'seasonal sneezing',
      'itchy watery eyes',
      'hives after meals',
      'lip swelling',
      'wheezing around cats',
    ],
    findings: [
      'pale boggy nasal turbinates',
      'scattered urticarial wheals',
      'elevated total IgE',
      'positive skin prick test',
    ],
    procedures: ['skin prick testing', 'oral food challenge', 'spirometry before and after bronchodilator'],
    medications: ['cetirizine', 'fluticasone nasal spray', 'an epinephrine autoinjector', 'montelukast'],
    neighbour: 'ENT - Otolaryngology',
  },
  'Cardiovascular / Pulmonary': {
    cues: ['cardiovascular risk factors', 'pulmonary function testing', 'a cardiopulmonary exam'],
    symptoms: [
      'exertional chest pressure',
      'palpitations',
      'shortness of breath on stairs',
      'ankle swelling',
    ],
    findings: [
      'an S3 gallop',
      'bibasilar crackles',
      'an elevated troponin',
      'ST depression in the lateral leads',
    ],
    procedures: ['a transthoracic echocardiogram', 'a treadmill stress test', 'cardiac catheterization'],
    medications: ['metoprolol', 'atorvastatin', 'furosemide', 'an albuterol inhaler'],
    neighbour: 'Sleep Medicine',
  },
  Dermatology: {
    cues: ['a dermatologic exam', 'chronic dermatitis', 'a dermatology photo review'],
    symptoms: [
      'an itchy rash on the elbows',
      'a changing mole',
      'scaling plaques on the scalp',
      'painful acne cysts',
    ],
    findings: [
      'silvery scale over extensor surfaces',
      'an asymmetric pigmented lesion',
      'comedones on the forehead',
    ],
    procedures: ['a shave biopsy', 'cryotherapy of actinic keratoses', 'a punch biopsy'],
    medications: ['topical clobetasol', 'isotretinoin', 'topical ketoconazole', 'tretinoin cream'],
    neighbour: 'Allergy / Immunology',
  },
  Endocrinology: {
    cues: ['an endocrine workup', 'endocrinology labs', 'an endocrinologic history'],
    symptoms: [
      'increased thirst',
      'unintended weight loss',
      'heat intolerance',
      'fatigue and cold intolerance',
    ],
    findings: [
      'a hemoglobin A1c of 9.1 percent',
      'a suppressed TSH',
      'a diffusely enlarged thyroid',
      'low morning cortisol',
    ],
    procedures: ['a thyroid ultrasound', 'an ACTH stimulation test', 'continuous glucose monitoring'],
    medications: ['metformin', 'levothyroxine', 'insulin glargine', 'methimazole'],
    neighbour: 'Gastroenterology',
  },
  'ENT - Otolaryngology': {
    cues: ['an otolaryngology exam', 'an ENT history', 'otologic symptoms'],
    symptoms: ['ear fullness', 'recurrent sore throat', 'nasal obstruction', 'ringing in the left ear'],
    findings: [
      'a bulging tympanic membrane',
      'enlarged cryptic tonsils',
      'a deviated septum',
      'nasal polyps',
    ],
    procedures: ['tympanostomy tube placement', 'a tonsillectomy', 'nasal endoscopy', 'a septoplasty'],
    medications: ['amoxicillin clavulanate', 'saline irrigation', 'ofloxacin otic drops'],
    neighbour: 'Allergy / Immunology',
  },
  Gastroenterology: {
    cues: ['gastrointestinal symptoms', 'a gastroenterology history', 'gastric complaints'],
    symptoms: [
      'epigastric burning',
      'black tarry stools',
      'bloating after meals',
      'difficulty swallowing solids',
    ],
    findings: ['epigastric tenderness', 'elevated liver enzymes', 'a positive stool occult blood test'],
    procedures: ['an upper endoscopy', 'a colonoscopy with polypectomy', 'a liver elastography'],
    medications: ['omeprazole', 'mesalamine', 'polyethylene glycol', 'ondansetron'],
    neighbour: 'Endocrinology',
  },
  'Hematology - Oncology': {
    cues: ['a hematologic workup', 'an oncology history', 'oncologic staging'],
    symptoms: ['night sweats', 'easy bruising', 'a painless neck lump', 'progressive fatigue'],
    findings: [
      'a hemoglobin of 7.8',
      'a platelet count of 42,000',
      'palpable cervical lymphadenopathy',
      'splenomegaly',
    ],
    procedures: [
      'a bone marrow biopsy',
      'an excisional lymph node biopsy',
      'port placement for chemotherapy',
    ],
    medications: ['ferrous sulfate', 'rituximab', 'enoxaparin', 'a cycle of R-CHOP'],
    neighbour: 'Radiology',
  },
  Nephrology: {
    cues: ['a nephrology review', 'nephrotic range labs', 'chronic kidney disease'],
    symptoms: ['foamy urine', 'decreased urine output', 'leg edema', 'poor appetite with nausea'],
    findings: ['a creatinine of 3.2', 'an eGFR of 28', 'hyperkalemia', 'proteinuria on urinalysis'],
    procedures: ['a renal biopsy', 'placement of a dialysis catheter', 'an arteriovenous fistula evaluation'],
    medications: ['lisinopril', 'sodium bicarbonate', 'sevelamer', 'erythropoietin'],
    neighbour: 'Urology',
  },
  Neurology: {
    cues: ['a neurologic exam', 'neurology testing', 'neurologic symptoms'],
    symptoms: [
      'episodes of the right hand shaking',
      'throbbing headaches with aura',
      'numbness in both feet',
      'a brief loss of consciousness',
    ],
    findings: [
      'a resting tremor',
      'diminished ankle reflexes',
      'an abnormal EEG',
      'left-sided pronator drift',
    ],
    procedures: ['an electroencephalogram', 'nerve conduction studies', 'a lumbar puncture'],
    medications: ['levetiracetam', 'sumatriptan', 'carbidopa levodopa', 'gabapentin'],
    neighbour: 'Psychiatry / Psychology',
  },
  'Obstetrics / Gynecology': {
    cues: ['an obstetric history', 'a gynecologic exam', 'gynecology follow-up'],
    symptoms: ['heavy menstrual bleeding', 'pelvic pain', 'missed menses', 'vaginal spotting at 10 weeks'],
    findings: [
      'an enlarged fibroid uterus',
      'a fetal heart rate of 150',
      'a complex adnexal cyst',
      'a closed cervical os',
    ],
    procedures: [
      'a transvaginal ultrasound',
      'a hysteroscopy',
      'a dilation and curettage',
      'a cesarean section',
    ],
    medications: ['prenatal vitamins', 'medroxyprogesterone', 'oxytocin', 'tranexamic acid'],
    neighbour: 'Urology',
  },
  Ophthalmology: {
    cues: ['an ophthalmic exam', 'ophthalmology imaging', 'an ophthalmologic history'],
    symptoms: ['blurred distance vision', 'floaters in the right eye', 'glare at night', 'a red painful eye'],
    findings: [
      'a dense nuclear cataract',
      'elevated intraocular pressure',
      'cupping of the optic disc',
      'a retinal tear',
    ],
    procedures: ['phacoemulsification with lens implant', 'laser retinopexy', 'a dilated fundus exam'],
    medications: ['latanoprost drops', 'prednisolone acetate drops', 'timolol drops'],
    neighbour: 'Neurology',
  },
  Orthopedic: {
    cues: ['an orthopedic exam', 'orthopedic hardware', 'an orthopedic history'],
    symptoms: [
      'right knee pain with locking',
      'shoulder pain reaching overhead',
      'a fall onto an outstretched hand',
      'low back pain radiating to the leg',
    ],
    findings: [
      'a positive McMurray test',
      'a displaced distal radius fracture',
      'a full-thickness rotator cuff tear',
    ],
    procedures: [
      'knee arthroscopy with partial meniscectomy',
      'open reduction and internal fixation',
      'a total hip arthroplasty',
    ],
    medications: ['meloxicam', 'a cortisone injection', 'cyclobenzaprine'],
    neighbour: 'Rheumatology',
  },
  'Pediatrics - Neonatal': {
    cues: ['a pediatric patient', 'the neonatal course', 'pediatric growth charts'],
    symptoms: [
      'poor feeding in the newborn',
      'a fever of 39 degrees in the toddler',
      'jaundice on day three of life',
      'a barking cough at night',
    ],
    findings: [
      'a bulging anterior fontanelle',
      'weight below the fifth percentile',
      'an elevated bilirubin',
      'an inspiratory stridor',
    ],
    procedures: ['phototherapy', 'a newborn hearing screen', 'routine immunizations'],
    medications: ['oral dexamethasone', 'weight-based acetaminophen', 'amoxicillin suspension'],
    neighbour: 'Allergy / Immunology',
  },
  'Psychiatry / Psychology': {
    cues: ['a psychiatric history', 'psychological stressors', 'a psychiatry review'],
    symptoms: [
      'low mood for two months',
      'racing thoughts',
      'panic attacks in crowds',
      'trouble sleeping and poor concentration',
    ],
    findings: [
      'a PHQ-9 score of 19',
      'pressured speech',
      'a flat affect',
      'passive thoughts of death without a plan',
    ],
    procedures: ['cognitive behavioral therapy', 'a safety plan', 'a structured diagnostic interview'],
    medications: ['sertraline', 'lithium', 'quetiapine', 'buspirone'],
    neighbour: 'Neurology',
  },
  Radiology: {
    cues: ['a radiology report', 'radiologic comparison', 'radiology protocol'],
    symptoms: [
      'a persistent cough for imaging',
      'abdominal pain for cross-sectional imaging',
      'a screening indication',
    ],
    findings: [
      'a spiculated right upper lobe nodule',
      'no acute intracranial hemorrhage',
      'a 2 cm hypodense liver lesion',
    ],
    procedures: [
      'a contrast-enhanced CT of the chest',
      'an MRI of the brain without contrast',
      'a screening mammogram',
    ],
    medications: [
      'iodinated contrast',
      'gadolinium contrast',
      'premedication with prednisone before contrast',
    ],
    neighbour: 'Hematology - Oncology',
  },
  Rheumatology: {
    cues: ['a rheumatologic panel', 'rheumatoid factor', 'rheumatology labs'],
    symptoms: [
      'morning stiffness of the hands lasting an hour',
      'swollen finger joints',
      'a malar rash with joint pain',
      'a hot swollen big toe',
    ],
    findings: [
      'a positive anti-CCP antibody',
      'an elevated sedimentation rate',
      'symmetric synovitis of the MCP joints',
      'urate crystals in the aspirate',
    ],
    procedures: ['a joint aspiration', 'a musculoskeletal ultrasound', 'a temporal artery biopsy'],
    medications: ['methotrexate', 'hydroxychloroquine', 'allopurinol', 'colchicine'],
    neighbour: 'Orthopedic',
  },
  'Sleep Medicine': {
    cues: ['a sleep study', 'poor sleep hygiene', 'sleep medicine questionnaires'],
    symptoms: [
      'loud snoring',
      'witnessed pauses in breathing at night',
      'excessive daytime sleepiness',
      'difficulty falling asleep',
    ],
    findings: [
      'an Epworth score of 16',
      'an apnea-hypopnea index of 34',
      'a crowded oropharynx',
      'periodic limb movements',
    ],
    procedures: ['an overnight polysomnogram', 'a CPAP titration study', 'a multiple sleep latency test'],
    medications: ['CPAP at 10 centimeters of water', 'melatonin', 'modafinil'],
    neighbour: 'Cardiovascular / Pulmonary',
  },
  Urology: {
    cues: ['a urologic history', 'urology imaging', 'urologic symptoms'],
    symptoms: [
      'blood in the urine',
      'a weak urinary stream',
      'flank pain radiating to the groin',
      'urinary frequency at night',
    ],
    findings: [
      'an enlarged smooth prostate',
      'a 6 mm obstructing ureteral stone',
      'an elevated PSA',
      'a bladder mass',
    ],
    procedures: ['a cystoscopy', 'ureteroscopy with laser lithotripsy', 'a transrectal prostate biopsy'],
    medications: ['tamsulosin', 'finasteride', 'oxybutynin', 'nitrofurantoin'],
    neighbour: 'Nephrology',
  },
};

/** Text every specialty shares, so the specialty signal sits in a minority of the words, as in real notes. */
export const filler = {
  visits: [
    'CONSULTATION',
    'FOLLOW-UP VISIT',
    'HISTORY AND PHYSICAL',
    'OFFICE NOTE',
    'PROGRESS NOTE',
    'NEW PATIENT VISIT',
  ],
  openings: [
    'presents with',
    'is seen today for',
    'was referred for evaluation of',
    'comes in complaining of',
    'returns with',
  ],
  sexes: ['woman', 'man', 'patient'],
  history: [
    'Past medical history is notable for hypertension.',
    'She has no known drug allergies.',
    'He quit smoking ten years ago.',
    'Family history is noncontributory.',
    'The patient lives with a spouse and works in an office.',
    'Review of systems is otherwise negative.',
    'Surgical history includes an appendectomy as a child.',
    'Alcohol use is limited to social occasions.',
    'Medications were reconciled at this visit.',
    'Immunizations are up to date.',
  ],
  vitals: [
    'Blood pressure 132/84, pulse 78, afebrile.',
    'Vital signs are stable.',
    'Temperature 37.1, heart rate 92, oxygen saturation 97 percent on room air.',
    'Weight is unchanged from the last visit.',
  ],
  examIntros: ['Examination shows', 'On exam there is', 'Workup revealed', 'Notable findings include'],
  plans: ['Plan:', 'We will arrange', 'Recommend', 'Next step is'],
  medicationIntros: ['start', 'continue', 'increase the dose of', 'trial of'],
  closings: [
    'Return in four weeks.',
    'The patient agrees with the plan.',
    'Questions were answered.',
    'Follow up sooner if symptoms worsen.',
    'A copy of this note goes to the primary care physician.',
  ],
  mentions: [
    'was previously seen in',
    'also follows with',
    'had an unrelated visit to',
    'was cleared last year by',
  ],
};

/** Labels a careless annotator might write instead of the configured ones; none of them is in the label list. */
export const unknownLabels = [
  'Cardiology',
  'Pulmonology',
  'Oncology',
  'General Medicine',
  'Surgery',
  'Gynecology',
];
