#!/usr/bin/env node
// The shipbench command: runs the compiled CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('shipbench: the CLI is not built yet; run: npm run build\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
