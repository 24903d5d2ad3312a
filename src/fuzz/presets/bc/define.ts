import type { Rng } from '../../../util/rng.js';

// A user function and the ways its definition can be laid out.
export interface FunctionDef {
  name: string;
  params: string;
  autos?: string;
  body: string[];
  void?: boolean;
}

// The definition as program lines: on one line, or spread with the brace on its own line, the
// auto list on its own line (with or without its semicolon), one statement a line.
export function renderDef(r: Rng, def: FunctionDef): string[] {
  const head = `define ${def.void ? 'void ' : ''}${def.name}(${def.params})`;
  const auto = def.autos ? `auto ${def.autos}` : null;
  const layout = r.int(0, 3);
  if (layout === 0) return [`${head} { ${[auto, ...def.body].filter((x) => x !== null).join('; ')} }`];
  if (layout === 1) return [`${head} {`, ...(auto ? [`  ${auto}${r.chance(0.5) ? ';' : ''}`] : []), ...def.body.map((s) => `  ${s}`), '}'];
  if (layout === 2) return [head, '{', ...(auto ? [`  ${auto}`] : []), ...def.body.map((s) => `  ${s}`), '}'];
  return [`${head} {`, `  ${[auto, ...def.body].filter((x) => x !== null).join('; ')}`, '}'];
}
