#!/usr/bin/env bash
# Scores the public command `herald tag entities` on CoNLL-2003 test and wikigold, the way a user
# (or a held-out evaluation) would run it: each document (-DOCSTART- block) one input line, its
# tokens separated by single spaces and its sentences by newlines; the output spans mapped back to
# tokens (EVENT counted as MISC) and scored by Herald's own scorer (`herald eval ner
# --predictions`, exact span and type). `herald eval ner` alone scores the name finder on the
# corpora's tokens; this path adds language detection, sentence splitting, tokenizing, event rules
# and canonical ids, which must not cost accuracy.
#
# Usage: scripts/eval-tag-entities.sh [NER_DATA_DIR] [NAME=CONLL_FILE ...]
#   (default ../shared/data/ner, its CoNLL-2003 test and wikigold; other corpora as NAME=FILE in
#   CoNLL form: token first, gold tag last, -DOCSTART- between documents; needs python3)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-$HERE/../shared/data/ner}"
shift || true
CORPORA=("$@")
if [ ${#CORPORA[@]} -eq 0 ]; then
  CORPORA=("conll2003-test=$DATA/conll2003/test.txt" "wikigold=$DATA/wikigold/wikigold.dev.conll")
fi
WORK="${WORK:-$HERE/target/eval-tag-entities}"
mkdir -p "$WORK"
for corpus in "${CORPORA[@]}"; do
  if [ ! -f "${corpus#*=}" ]; then
    echo "No ${corpus#*=}: nothing to score." >&2
    exit 1
  fi
done

to_jsonl() { # gold-file name -> WORK/name.jsonl
  python3 - "$1" "$2" "$WORK" <<'PY'
import json, sys
gold, name, work = sys.argv[1:4]
docs, doc, sent = [], [], []
for line in open(gold, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("-DOCSTART-") or not line.strip():
        if sent:
            doc.append(sent)
            sent = []
        if line.startswith("-DOCSTART-") and doc:
            docs.append(doc)
            doc = []
        continue
    sent.append(line.split()[0])
if sent:
    doc.append(sent)
if doc:
    docs.append(doc)
with open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as out:
    for i, d in enumerate(docs):
        out.write(json.dumps({"id": f"{name}-{i}", "text": "\n".join(" ".join(s) for s in d)}) + "\n")
PY
}

to_predictions() { # gold-file name: WORK/name.out.jsonl -> WORK/name.predictions.txt
  python3 - "$1" "$2" "$WORK" <<'PY'
import json, sys
gold, name, work = sys.argv[1:4]
types = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "MISC": "MISC", "EVENT": "MISC"}
inputs = [json.loads(l) for l in open(f"{work}/{name}.jsonl", encoding="utf-8")]
outputs = [json.loads(l) for l in open(f"{work}/{name}.out.jsonl", encoding="utf-8")]
tags = []
for doc, res in zip(inputs, outputs):
    assert doc["id"] == res["id"]
    offsets, pos = [], 0
    for tok in doc["text"].replace("\n", " ").split(" "):
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    starts = {s: k for k, (s, e) in enumerate(offsets)}
    ends = {e: k for k, (s, e) in enumerate(offsets)}
    t = ["O"] * len(offsets)
    for e in res.get("entities", []):
        if e["start"] in starts and e["end"] in ends:  # spans off the tokens score as misses
            a, b, ty = starts[e["start"]], ends[e["end"]], types[e["type"]]
            t[a] = "B-" + ty
            for k in range(a + 1, b + 1):
                t[k] = "I-" + ty
    tags.extend(t)
with open(f"{work}/{name}.predictions.txt", "w", encoding="utf-8") as out:
    k = 0
    for line in open(gold, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            out.write("\n")
            continue
        out.write(f"{line.split()[0]}\t{tags[k]}\n")
        k += 1
    assert k == len(tags), (k, len(tags))
PY
}

for corpus in "${CORPORA[@]}"; do
  name="${corpus%%=*}"
  gold="${corpus#*=}"
  to_jsonl "$gold" "$name"
  "$HERE/herald" tag entities --input "$WORK/$name.jsonl" --output "$WORK/$name.out.jsonl" >&2
  to_predictions "$gold" "$name"
  "$HERE/herald" eval ner --name "$name" --gold "$gold" --predictions "$WORK/$name.predictions.txt"
done
