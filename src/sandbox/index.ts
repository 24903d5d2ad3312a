export { runSandboxed, type SandboxResult } from './run.js';
export { requireBubblewrap } from './requirements.js';
export { giveToSandbox, runningAsRoot } from './identity.js';
export { caseLimitDefaults, type Bind, type NetworkPolicy, type SandboxLimits, type SandboxSpec } from './spec.js';
export { processesInNamespace } from './namespace.js';
export { CASE_CWD_INSIDE, SUBMISSION_INSIDE, type Program } from './program.js';
