import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJsonSchemas } from '../../contracts/index.js';
import { userError } from '../../errors.js';
import { writeFileAtomic } from '../../util/fs.js';
import { out } from '../context.js';

// schemas: print, write or check the JSON Schemas.
export async function schemasAction(flags: { write?: string; check?: string; json?: boolean }): Promise<void> {
  const docs = renderJsonSchemas();
  if (flags.check) {
    const stale = Object.entries(docs).filter(([file, text]) => !existsSync(join(flags.check as string, file)) || readFileSync(join(flags.check as string, file), 'utf8') !== text);
    if (stale.length > 0) throw userError('schemas.stale', `${stale.map(([f]) => f).join(', ')} in ${flags.check} are stale`, 'run: npm run schemas');
    return out(flags.json ? JSON.stringify({ current: Object.keys(docs) }) : `${Object.keys(docs).length} schemas in ${flags.check} are current`);
  }
  if (flags.write) {
    await mkdir(flags.write, { recursive: true });
    for (const [file, text] of Object.entries(docs)) await writeFileAtomic(join(flags.write, file), text);
    return out(flags.json ? JSON.stringify({ written: Object.keys(docs).map((f) => join(flags.write as string, f)) }) : `wrote ${Object.keys(docs).length} schemas to ${flags.write}`);
  }
  out(JSON.stringify(Object.fromEntries(Object.entries(docs).map(([f, t]) => [f, JSON.parse(t) as unknown]))));
}
