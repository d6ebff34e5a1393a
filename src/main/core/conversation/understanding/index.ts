export { understand } from './understand.js';
export { normalize, type Normalized } from './normalize.js';
export { INTENTS, type Expectation, type Intent, type RejectedEntities, type UnderstandContext, type Understanding } from './types.js';
export { blankUnderstanding } from './blank-understanding.js';
export { nameFromAnswer } from './answer-name.js';
