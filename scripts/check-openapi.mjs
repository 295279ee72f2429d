#!/usr/bin/env node
// Checks the REST contract: docs/openapi.yaml must be a valid OpenAPI 3.1 document whose every $ref
// resolves, and its operations must be exactly the routes the MSW mock backend serves
// (src/api/mock/routes.ts, the table the handlers are built from): same method, same path, same
// operationId, in both directions. Exits 1 with every problem listed.
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import ts from 'typescript';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const specPath = `${root}docs/openapi.yaml`;
const routesPath = `${root}src/api/mock/routes.ts`;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const problems = [];

// 1. Schema validity.
const text = await readFile(specPath, 'utf8');
let spec;
try {
  spec = parse(text);
} catch (e) {
  console.error(`check-openapi: ${specPath} is not YAML: ${e.message}`);
  process.exit(1);
}
const validator = new Validator();
const result = await validator.validate(spec);
if (!result.valid) {
  for (const error of result.errors ?? []) {
    const params = error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
    problems.push(`schema: ${error.instancePath || '/'} ${error.message ?? JSON.stringify(error)}${params}`);
  }
} else if (!validator.version?.startsWith('3.1')) {
  problems.push(`schema: expected OpenAPI 3.1, found ${validator.version}`);
}

// 2. Every local $ref points at something.
const pointer = (doc, ref) =>
  ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), doc);
(function walk(node, path) {
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/')) problems.push(`ref: ${path} points outside the document (${value})`);
      else if (pointer(spec, value) === undefined) problems.push(`ref: ${path} → ${value} does not exist`);
    } else walk(value, `${path}/${key}`);
  }
})(spec, '#');

// 3. The mock's route table, transpiled and evaluated on its own (it has no imports on purpose).
const source = await readFile(routesPath, 'utf8');
const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const { ROUTES } = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
if (!Array.isArray(ROUTES) || ROUTES.length === 0) problems.push(`routes: ${routesPath} exports no ROUTES`);

const toSpecPath = (p) => p.replace(/:([A-Za-z_]\w*)/g, '{$1}');
const served = new Map((ROUTES ?? []).map((r) => [`${r.method.toUpperCase()} ${toSpecPath(r.path)}`, r.id]));
const documented = new Map();
for (const [path, item] of Object.entries(spec?.paths ?? {})) {
  for (const method of METHODS) {
    const op = item?.[method];
    if (op) documented.set(`${method.toUpperCase()} ${path}`, op.operationId);
  }
}
for (const [route, id] of served) {
  if (!documented.has(route)) problems.push(`drift: the mock serves ${route} (${id}), which docs/openapi.yaml does not describe`);
  else if (documented.get(route) !== id) problems.push(`drift: ${route} is ${id} in the mock but operationId ${documented.get(route)} in the spec`);
}
for (const [route, id] of documented) {
  if (!served.has(route)) problems.push(`drift: docs/openapi.yaml describes ${route} (${id}), which the mock does not serve`);
}
const ids = [...documented.values()];
for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`spec: operationId ${id} is used twice`);

if (problems.length) {
  console.error(`check-openapi: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`check-openapi: docs/openapi.yaml is valid OpenAPI ${validator.version}; ${served.size} operations match the mock's routes`);
