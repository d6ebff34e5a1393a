export { CLARIFICATIONS_FOR_REVIEW, reviewReasons, type ReviewSignals } from './review-policy.js';
