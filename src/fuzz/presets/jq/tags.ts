// Feature tags of jq cases: the builtins and keywords a program names, its formats and syntax.

// The builtins of jq 1.6 (`jq -n 'builtins'`, arity dropped) and its keywords worth a tag.
export const BUILTINS = new Set(
  (
    'IN INDEX JOIN acos acosh add all any arrays ascii_downcase ascii_upcase asin asinh atan atan2 atanh booleans bsearch builtins ' +
    'capture cbrt ceil combinations contains copysign cos cosh debug del delpaths drem empty endswith env erf erfc error exp exp10 exp2 ' +
    'explode expm1 fabs fdim finites first flatten floor fma fmax fmin fmod format frexp from_entries fromdate fromdateiso8601 fromjson ' +
    'fromstream gamma get_jq_origin get_prog_origin get_search_list getpath gmtime group_by gsub halt halt_error has hypot implode in ' +
    'index indices infinite input input_filename input_line_number inputs inside isempty isfinite isinfinite isnan isnormal iterables ' +
    'j0 j1 jn join keys keys_unsorted last ldexp leaf_paths length lgamma lgamma_r limit localtime log log10 log1p log2 logb ltrimstr ' +
    'map map_values match max max_by min min_by mktime modf modulemeta nan nearbyint nextafter nexttoward normals not now nth nulls ' +
    'numbers objects path paths pow pow10 range recurse recurse_down remainder repeat reverse rindex rint round rtrimstr scalars ' +
    'scalars_or_empty scalb scalbln scan select setpath significand sin sinh sort sort_by split splits sqrt startswith stderr ' +
    'strflocaltime strftime strings strptime sub tan tanh test tgamma to_entries todate todateiso8601 tojson tonumber tostream tostring ' +
    'transpose trunc truncate_stream type unique unique_by until utf8bytelength values walk while with_entries y0 y1 yn ' +
    'reduce foreach try catch label def import include module as if elif'
  ).split(' '),
);

// Feature tags of a program: the builtins and keywords it names, its formats and some syntax.
export function programTags(program: string): string[] {
  const tags = new Set<string>();
  for (const m of program.matchAll(/(?<![.$\w])([A-Za-z_][A-Za-z0-9_]*)/g)) if (BUILTINS.has(m[1] as string)) tags.add(m[1] as string);
  for (const m of program.matchAll(/@[a-z0-9]+/g)) tags.add(m[0]);
  if (/\|=|\+=|-=|\*=|\/=|%=|\/\/=|(?<![=!<>])=(?!=)/.test(program)) tags.add('assignment');
  if (/\?\/\//.test(program)) tags.add('destructure-alt');
  if (/\\\(/.test(program)) tags.add('interpolation');
  if (/\$__loc__/.test(program)) tags.add('$__loc__');
  if (/\$ENV/.test(program)) tags.add('$ENV');
  if (/\$ARGS/.test(program)) tags.add('$ARGS');
  return [...tags];
}

// Whether argv[i] is the value of the option before it (--arg NAME VALUE, --indent N…).
export function isOptionValue(argv: readonly string[], i: number): boolean {
  const takes: Record<string, number> = { '--arg': 2, '--argjson': 2, '--slurpfile': 2, '--rawfile': 2, '--argfile': 2, '--indent': 1, '-L': 1, '-f': 1, '--from-file': 1, '--run-tests': 1 };
  for (let back = 1; back <= 2; back++) {
    const opt = argv[i - back];
    if (opt !== undefined && (takes[opt] ?? 0) >= back) return true;
  }
  return false;
}
