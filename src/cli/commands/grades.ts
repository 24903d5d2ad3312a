import type { Command } from 'commander';
import { positiveInt } from '../context.js';

const actions = () => import('../actions/grades.js');

export function registerGrades(program: Command): void {
  const grades = program.command('grades').description('stored grades');
  grades
    .command('list')
    .description('the most recent grades in the store')
    .option('-t, --task <id>', 'only this task')
    .option('-n, --limit <n>', 'how many', positiveInt('--limit'), 20)
    .option('--db <path>', 'SQLite store')
    .option('--json', 'print a JSON array')
    .action(async (flags: { task?: string; limit: number; db?: string; json?: boolean }) => (await actions()).listGradesAction(flags));
  grades
    .command('show')
    .description('one stored grade with its failing cases')
    .argument('<id>', 'grade id or its first characters')
    .option('--db <path>', 'SQLite store')
    .option('--json', 'print the grade result as JSON')
    .action(async (id: string, flags: { db?: string; json?: boolean }) => (await actions()).showGradeAction(id, flags));
}
