import type { Task } from '../tasks/load-task.js';

// The task as the agent reads it, whatever the agent: what to build, what it may use, how the
// result is judged. The reference is named but never located: it is reachable only by its name.
export function instructionFor(task: Task, where: { workspace: string }): string {
  const p = task.program;
  return [
    `# Rebuild \`${p}\` from scratch`,
    '',
    `Write a program that behaves exactly like \`${p}\`${task.spec.description ? ` (${task.spec.description.replace(/\.$/, '')})` : ''}: the same output, errors and exit status for every input and option.`,
    '',
    `- The reference \`${p}\` is on your PATH: run it as often as you like to see how it behaves (pipes, files, options, errors). You cannot read its code or bytes.`,
    `- Its documentation is in ${where.workspace}/docs/.`,
    `- Work in ${where.workspace}. Use any language and libraries installed here; there is no network.`,
    `- Deliver ${where.workspace}/compile.sh: run as \`bash compile.sh\` in a copy of ${where.workspace}, without network and without \`${p}\`, it must produce ./executable, which is then run in place of \`${p}\`.`,
    `- Your program must not call \`${p}\`: it will not exist where your program is graded.`,
    '- A hidden suite of behavioural tests compares your executable with the reference; the score is the share of tests passed.',
  ].join('\n');
}
