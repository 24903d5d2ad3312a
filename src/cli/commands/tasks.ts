import type { Command } from 'commander';
import { positiveInt, wholeNumber } from '../context.js';

const actions = () => import('../actions/tasks.js');

export function registerTasks(program: Command): void {
  const tasks = program.command('tasks').description('list, check and build tasks');

  tasks
    .command('list')
    .description('list the tasks of every dataset: cases, ProgramBench test count, reference installed')
    .option('--json', 'print a JSON array')
    .action(async (flags: { json?: boolean }) => (await actions()).listTasksAction(flags));

  tasks
    .command('install')
    .description("install the Debian packages of the named tasks' references (apt-get as root; otherwise prints the command)")
    .argument('<names...>', 'dataset names or task ids')
    .action(async (names: string[]) => (await actions()).installTasksAction(names));

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
    .description('capture the docs and generate the suite of one or more tasks (fuzzing the reference)')
    .argument('<tasks...>', 'task ids or folders')
    .option('--budget <n>', 'cases to keep at most (default: the task generator budget)', positiveInt('--budget'))
    .option('--seed <n>', 'generator seed (default: the task generator seed)', wholeNumber('--seed'))
    .option('--time-limit <sec>', 'stop exploring after this many seconds (the suite then depends on machine speed)', positiveInt('--time-limit'))
    .option('-j, --concurrency <n>', 'cases run at once', positiveInt('--concurrency'))
    .option('--no-coverage', "do not steer selection by the instrumented reference of the task's coverage: recipe (by default it is built or taken from the cache, and the suite's coverage is measured after)")
    .option('--model <name>', 'a model that proposes cases from the docs (default: $SHIPBENCH_MODEL; none: the step is skipped)')
    .option('--model-base-url <url>', 'its OpenAI-compatible endpoint (default: $OPENAI_BASE_URL; key: $OPENAI_API_KEY)')
    .option('--json', 'print the manifests as JSON')
    .action(async (refs: string[], flags: { budget?: number; seed?: number; timeLimit?: number; concurrency?: number; coverage?: boolean; json?: boolean; model?: string; modelBaseUrl?: string }) => (await actions()).buildTaskAction(refs, flags));

  tasks
    .command('new')
    .description('scaffold a task folder for any program, with a generator guessed from its docs')
    .argument('<name>', 'task id')
    .requiredOption('--reference <command>', 'the reference program (a path or a name on PATH, with leading arguments)')
    .option('--dir <folder>', 'where to write it (default: <first SHIPBENCH_DATASETS folder, else ./datasets>/<dataset>/<name>)')
    .option('--dataset <name>', 'the dataset folder it goes in', 'local')
    .option('--docs <sources...>', 'man, help, or files to give the agent (default: man page if any, and --help)')
    .option('--json', 'print the written task file and its spec as one JSON object')
    .action(async (name: string, flags: { reference: string; dir?: string; dataset?: string; docs?: string[]; json?: boolean }) => (await actions()).newTaskAction(name, flags));

  tasks
    .command('coverage')
    .description("measure the line, branch and function coverage the suite reaches in the reference's own sources (an instrumented build from task.yaml's coverage: recipe)")
    .argument('<task>', 'task id or folder')
    .option('-j, --concurrency <n>', 'cases run at once', positiveInt('--concurrency'))
    .option('--files <n>', 'source files listed, least covered first', positiveInt('--files'), 20)
    .option('--unreached <file>', 'write the never-reached lines there, as ranges with their source (to steer a generator)')
    .option('--json', 'print the figure as JSON')
    .action(async (ref: string, flags: { concurrency?: number; files: number; unreached?: string; json?: boolean }) => (await actions()).coverageTaskAction(ref, flags));

  tasks
    .command('stats')
    .description('cases, features and their case counts, gates, and (with --time) mean case time')
    .argument('<task>', 'task id or folder')
    .option('--time', 'also run the suite on the reference to measure the mean case time')
    .option('--json', 'print the stats as JSON')
    .action(async (ref: string, flags: { json?: boolean; time?: boolean }) => (await actions()).statsTaskAction(ref, flags));
}
