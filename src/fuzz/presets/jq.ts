import type { GeneratorConfig } from '../../contracts/generator.js';
import type { PlannedCase } from '../record.js';
import { BYTE_CASES } from './jq/inputs.js';
import { randomCase } from './jq/random.js';
import { targetedCases } from './jq/targeted.js';

// jq: first the targeted cases of jq/targeted.ts (every builtin, option, module form, grammar form,
// number edge and error message), then random programs typed stage by stage (jq/random.ts).

// Candidates for jq's suite, in the order they are tried: the targeted ones, then random ones.
export function planJq(config: GeneratorConfig, count: number): PlannedCase[] {
  const out: PlannedCase[] = [];
  const targeted = targetedCases(config.seed);
  for (const t of targeted) {
    if (out.length >= count) break;
    out.push({ id: `candidate-${out.length}`, features: t.tags, run: { argv: t.argv, stdin: t.stdin ?? '', files: t.files ?? {}, env: t.env ?? {} } });
  }
  for (const b of BYTE_CASES) {
    if (out.length >= count) break;
    out.push({ id: `candidate-${out.length}`, features: b.tags, run: { argv: b.argv, stdin: { base64: Buffer.from(b.stdin).toString('base64') }, files: {}, env: {} } });
  }
  for (let i = 0; out.length < count; i++) out.push(randomCase(config.seed, i, `candidate-${out.length}`));
  return out;
}
