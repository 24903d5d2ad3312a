export { compareObservation, type Comparison } from './compare.js';
export { lineDiff } from './diff.js';
export { normalise } from './normalise.js';
export { CASE_CWD_INSIDE, SUBMISSION_INSIDE, type Program } from '../sandbox/program.js';
export { runInvocation, type CaseRun, type CaseRunOptions } from './run-case.js';
export { runInvocations, type Isolation, type InvocationOptions } from './lanes.js';
export { defaultConcurrency, runSuite, verdictOf, type SuiteProgress, type SuiteRunOptions } from './run-suite.js';
