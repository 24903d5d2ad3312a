#!/usr/bin/env node
// Fails when a file in src/ imports a folder its layer may not import (see scripts/layers.mjs),
// or a package its layer does not list. Usage: node scripts/check-layers.mjs [srcDir]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { layers, packages } from './layers.mjs';

const root = resolve(process.argv[2] ?? 'src');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|tsx)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

function layerOf(file) {
  const first = relative(root, file).split(sep)[0];
  return first;
}

const problems = [];
let files = 0;
for (const file of sourceFiles(root)) {
  files++;
  const layer = layerOf(file);
  if (!(layer in layers)) {
    problems.push(`${relative(process.cwd(), file)}: "${layer}" is not a layer of scripts/layers.mjs`);
    continue;
  }
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  for (const { fileName: spec } of importedFiles) {
    if (spec.startsWith('node:')) continue;
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const rel = relative(root, target);
      if (rel.startsWith('..')) {
        problems.push(`${relative(process.cwd(), file)}: imports ${spec}, outside src/`);
        continue;
      }
      const targetLayer = rel.split(sep)[0].replace(/\.js$/, '.ts');
      if (targetLayer === layer) continue;
      if (!layers[layer].includes(targetLayer)) {
        problems.push(`${relative(process.cwd(), file)}: ${layer} may not import ${targetLayer} (${spec})`);
      }
      continue;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!(packages[layer] ?? []).includes(pkg)) {
      problems.push(`${relative(process.cwd(), file)}: ${layer} may not import the package ${pkg}`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`layer check: ${problems.length} wrong import(s) in ${files} files`);
  process.exitCode = 1;
} else {
  console.log(`layer check: ${files} files, imports follow the layers`);
}
