// Feature tags read off a bc program's text: the statements, builtins and special variables it
// uses. A bounded vocabulary, so tags describe what a case checks rather than its literals.
const WORDS = ['define', 'void', 'auto', 'return', 'if', 'else', 'while', 'for', 'break', 'continue', 'halt', 'quit', 'print', 'read', 'sqrt', 'length', 'limits', 'warranty', 'scale', 'ibase', 'obase', 'last', 'history'];

const PATTERNS: [string, RegExp][] = [
  ['string', /"/],
  ['escape', /\\[abfnrtq\\]/],
  ['array', /[a-z]\w*\[/],
  ['array-ref', /\*[a-z]\w*\[\]/],
  ['power', /\^/],
  ['modulo', /%/],
  ['division', /\//],
  ['incdec', /\+\+|--/],
  ['compound-assign', /[-+*/%^]=/],
  ['relational', /[<>]=?|[!=]=/],
  ['boolean', /&&|\|\||!(?!=)/],
  ['comment', /\/\*/],
  ['line-comment', /#/],
  ['continuation', /\\\n/],
  ['dot', /(^|[^\w.])\.(?![\d\w])/m],
  ['negative', /(^|[(\s,=])-\d/m],
  ['mathlib-call', /\b[scaelj]\(/],
  ['long-number', /\d{70}/],
];

// The tags for a program text.
export function textFeatures(text: string): string[] {
  const tags: string[] = [];
  for (const w of WORDS) if (new RegExp(`\\b${w}\\b`).test(text)) tags.push(w);
  for (const [tag, re] of PATTERNS) if (re.test(text)) tags.push(tag);
  return tags;
}
