import type { Normaliser } from '../contracts/case.js';

// Applies normalisers in order to one side of a comparison.
export function normalise(text: string, normalisers: readonly Normaliser[]): string {
  let out = text;
  for (const n of normalisers) {
    if (typeof n === 'object') {
      out = out.replace(new RegExp(n.mask, 'g'), n.replace);
      continue;
    }
    switch (n) {
      case 'trailing-whitespace':
        out = out.replace(/[ \t\r]+$/gm, '');
        break;
      case 'collapse-whitespace':
        out = out
          .split('\n')
          .map((line) => line.trim().replace(/\s+/g, ' '))
          .join('\n');
        break;
      case 'final-newline':
        out = out.replace(/\n+$/, '');
        break;
      case 'line-order': {
        const endsWithNewline = out.endsWith('\n');
        const lines = (endsWithNewline ? out.slice(0, -1) : out).split('\n').sort();
        out = lines.join('\n') + (endsWithNewline ? '\n' : '');
        break;
      }
    }
  }
  return out;
}
