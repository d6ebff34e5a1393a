export { CLARIFICATIONS_FOR_REVIEW, reviewReasons, type ReviewSignals } from './review-policy.js';
export { ReviewService, type TranscriptExcerpts } from './review-service.js';
