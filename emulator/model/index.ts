export { LocalModel, type Generation, type ModelState } from './local-model';
export { type TrainingOptions, type TrainingReport } from './adapter';
export { parsePrompt, type ParsedPrompt } from './prompt';
export { tuneOffThread } from './tune-off-thread';
