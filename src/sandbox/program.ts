import type { Bind } from './spec.js';

// A program under test as a sandbox sees it: the reference or a built candidate.
export interface Program {
  /** 'reference' or 'candidate'; shown in results and logs. */
  role: 'reference' | 'candidate';
  /** Command inside the sandbox, before the case's arguments. */
  command: string[];
  /** argv[0] the program sees: the task's program name, the same for reference and candidate. */
  argv0: string;
  /** Host paths bound into the sandbox so the command can run (the built submission, reference files). */
  binds: Bind[];
  /** Host paths that must be unreachable while it runs. */
  hide: string[];
}

// Where a built submission appears inside build and grading sandboxes.
export const SUBMISSION_INSIDE = '/submission';
// The fresh working directory of every case, inside its sandbox.
export const CASE_CWD_INSIDE = '/work';
