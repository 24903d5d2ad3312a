export { buildSubmission, type BuildOptions } from './build.js';
export { gradeSubmission, type GradeOptions, type GradePhase } from './grade.js';
export { buildLimits, caseLimits } from '../tasks/limits.js';
export { ALMOST_RESOLVED, scoreVerdicts, type Score } from './score.js';
export { prepareSubmission, type PreparedSubmission } from './submission.js';
