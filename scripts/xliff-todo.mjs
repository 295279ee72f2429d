#!/usr/bin/env node
// Translating new msg() strings without hand-editing XML.
//
//   node scripts/xliff-todo.mjs list ms > /tmp/ms-todo.tsv
//     prints every trans-unit of xliff/ms.xlf without a <target>, one per line:
//     id <TAB> source (placeholders written {0}, {1}…) [<TAB> #description]
//   node scripts/xliff-todo.mjs fill ms /tmp/ms-done.tsv
//     reads lines "id <TAB> translation" (placeholders as {N}, each one the source has, exactly once
//     or more, in any order) and writes them as <target>s, restoring each {N} as the source's own
//     <x id="N" equiv-text="…"/> element. Units that already have a target are left alone. Exits 1,
//     writing nothing, when a line names an unknown id or its placeholders differ from the source's.
//
// Then `npx lit-localize build`. The order: `npx lit-localize extract`, list, translate, fill, build.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [command, locale, tsv] = process.argv.slice(2);
if (!['list', 'fill'].includes(command ?? '') || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale ?? '') || (command === 'fill' && !tsv)) {
  console.error('usage: node scripts/xliff-todo.mjs list <locale> | fill <locale> <translations.tsv>');
  process.exit(2);
}
const path = `${root}xliff/${locale}.xlf`;
const xml = readFileSync(path, 'utf8');
const UNIT = /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g;
const PLACEHOLDER = /<x id="(\d+)"[^>]*\/>/g;

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const flat = (source) => unescape(source.replace(PLACEHOLDER, '{$1}'));

if (command === 'list') {
  for (const [, id, body] of xml.matchAll(UNIT)) {
    if (body.includes('<target>')) continue;
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)[1];
    const note = /<note[^>]*>([\s\S]*?)<\/note>/.exec(body)?.[1];
    console.log([id, flat(source).replace(/\s+/g, ' '), ...(note ? [`#${unescape(note)}`] : [])].join('\t'));
  }
  process.exit(0);
}

const translations = new Map();
for (const line of readFileSync(tsv, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const tab = line.indexOf('\t');
  if (tab < 0) {
    console.error(`no tab in line: ${line}`);
    process.exit(1);
  }
  translations.set(line.slice(0, tab).trim(), line.slice(tab + 1).split('\t')[0].trim());
}

const problems = [];
const known = new Set();
let filled = 0;
const out = xml.replace(UNIT, (unit, id, body) => {
  known.add(id);
  const text = translations.get(id);
  if (text === undefined || body.includes('<target>')) return unit;
  const source = /<source>([\s\S]*?)<\/source>/.exec(body)[1];
  const elements = new Map([...source.matchAll(PLACEHOLDER)].map((m) => [m[1], m[0]]));
  const missing = [...elements.keys()].filter((n) => !text.includes(`{${n}}`));
  const extra = [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).filter((n) => !elements.has(n));
  if (missing.length || extra.length) {
    problems.push(`${id}: placeholders of "${text}" differ from "${flat(source)}"`);
    return unit;
  }
  const target = text
    .split(/(\{\d+\})/)
    .map((part) => (/^\{\d+\}$/.test(part) ? elements.get(part.slice(1, -1)) : escape(part)))
    .join('');
  filled++;
  return `<trans-unit id="${id}">${body.replace('</source>', `</source>\n  <target>${target}</target>`)}</trans-unit>`;
});
for (const id of translations.keys()) if (!known.has(id)) problems.push(`${id}: no such trans-unit in xliff/${locale}.xlf`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
writeFileSync(path, out);
const left = [...out.matchAll(UNIT)].filter(([, , body]) => !body.includes('<target>')).length;
console.log(`xliff/${locale}.xlf: ${filled} targets written, ${left} still without a target. Next: npx lit-localize build`);
