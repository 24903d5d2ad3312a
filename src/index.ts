/**
 * shipbench as a library: load tasks, grade submissions, store results.
 * The command-line interface is `shipbench` (src/cli); everything else here is internal.
 */
export * from './contracts/index.js';
export { ShipbenchError, isShipbenchError, userError } from './errors.js';
export { gradeSubmission, type GradeOptions, type GradePhase } from './grade/index.js';
export { findTask, listTaskDirs, loadTaskDir, loadSuite, type Task } from './tasks/index.js';
export { runSandboxed, requireBubblewrap, type SandboxSpec, type SandboxResult } from './sandbox/index.js';
export { runInvocation, runSuite, compareObservation } from './runner/index.js';
export { openDb, saveGrade, listGrades, getGrade, storePath } from './store/index.js';
export { gradeToJunit } from './report/index.js';
