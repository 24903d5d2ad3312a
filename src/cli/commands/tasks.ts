import type { Command } from 'commander';
import { positiveInt } from '../context.js';

const actions = () => import('../actions/tasks.js');

export function registerTasks(program: Command): void {
  const tasks = program.command('tasks').description('list, check and build tasks');

  tasks
    .command('list')
    .description('list the tasks of every dataset')
    .option('--json', 'print a JSON array')
    .action(async (flags: { json?: boolean }) => (await actions()).listTasksAction(flags));

  tasks
    .command('check')
    .description('run the reference against its own suite several times: every case must pass every time')
    .argument('<task>', 'task id or folder')
    .option('--reruns <n>', 'how many times to run the suite', positiveInt('--reruns'), 3)
    .option('-j, --concurrency <n>', 'cases run at once', positiveInt('--concurrency'))
    .option('--json', 'print the result as JSON')
    .action(async (ref: string, flags: { reruns: number; concurrency?: number; json?: boolean }) => (await actions()).checkTaskAction(ref, flags));

  tasks
    .command('build')
    .description("record the task's suite by running its planned cases on the reference (3 reruns each)")
    .argument('<task>', 'task id or folder')
    .option('-j, --concurrency <n>', 'cases run at once', positiveInt('--concurrency'))
    .option('--json', 'print the manifest as JSON')
    .action(async (ref: string, flags: { concurrency?: number; json?: boolean }) => (await actions()).buildTaskAction(ref, flags));
}
