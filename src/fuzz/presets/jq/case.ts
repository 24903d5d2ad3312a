// The shape of jq's targeted cases and the sample documents several families share.

// A targeted case: its tags (the family; jq.ts adds the builtins and options it names), argv,
// stdin, files laid in the case folder and extra environment.
export interface Targeted {
  tags: string[];
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
}

// A row of a table of cases: [tag, program, input, options (default -c)].
export type Row = [string, string, string, string[]?];

// The cases of a table, tagged with their family.
export function rows(family: string, list: readonly Row[]): Targeted[] {
  return list.map(([tag, program, input, options]) => ({ tags: [family, ...(tag ? [tag] : [])], argv: [...(options ?? ['-c']), program], stdin: input }));
}

// JSON text of a value.
export const q = (v: unknown) => JSON.stringify(v);

// Sample documents: records to sort, group and select; a nested document; one value of every kind; a tree.
export const PEOPLE = q([
  { name: 'Ann', age: 31, city: 'Oslo', tags: ['a', 'b'] },
  { name: 'Bob', age: 25, city: 'Rome', tags: [] },
  { name: 'Cid', age: 31, city: 'Oslo', tags: ['c'] },
  { name: 'Dee', age: 19, city: 'Lima', tags: ['a'] },
]);
export const DOC = q({ name: 'jq', version: 1.6, tags: ['json', 'cli', 'filter'], owner: { login: 'stedolan', id: 12345, site: null }, stars: [5, 3, 4.5, null], active: true, meta: null });
export const MIXED = q([1, 'a', null, true, [2], { b: 3 }, 0, -2.5, false, '', [], {}]);
export const TREE = q({ name: 'root', children: [{ name: 'a', children: [{ name: 'a1', children: [] }] }, { name: 'b', children: [] }] });
