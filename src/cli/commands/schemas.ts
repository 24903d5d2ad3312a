import type { Command } from 'commander';

export function registerSchemas(program: Command): void {
  program
    .command('schemas')
    .description('print, write or check the JSON Schemas of task.yaml, cases, suite manifests and grade results')
    .option('--write <dir>', 'write them into a folder')
    .option('--check <dir>', 'fail when the folder does not hold exactly the current schemas')
    .option('--json', 'print the result as JSON (without --write or --check the schemas are printed as JSON anyway)')
    .action(async (flags: { write?: string; check?: string; json?: boolean }) => (await import('../actions/schemas.js')).schemasAction(flags));
}
