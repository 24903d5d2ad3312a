export { findTask, listTaskDirs, loadTaskDir, parseTaskFile, type Task, type TaskEntry } from './load-task.js';
export { loadSuite, parseSuite, serialiseSuite, writeSuite, type LoadedSuite } from './suite-io.js';
export { fingerprintReference, resolveReference, type ResolvedReference } from './reference.js';
export { datasetRoots, packageRoot } from './paths.js';
export { checkFingerprint, protectedPaths, referenceProgram } from './program.js';
