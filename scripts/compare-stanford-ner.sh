#!/usr/bin/env bash
# Scores Stanford CoreNLP's CoNLL NER model (CRFClassifier, english.conll.4class.distsim) and
# Herald's shipped name finder on CoNLL-2003 test and wikigold with Herald's own scorer
# (`herald eval ner --predictions`), exact span and type.
#
# Stanford CoreNLP is GPL: it is never a dependency of any Herald module. This script fetches its
# jars from Maven Central into a cache outside the sources (default target/stanford-ner, ignored
# by git) and runs it as a separate program; nothing of it enters Herald's build or jars.
#
# Usage: scripts/compare-stanford-ner.sh [NER_DATA_DIR]   (default ../shared/data/ner)
# Env:   STANFORD_VERSION (default 4.5.7), STANFORD_CACHE (default target/stanford-ner)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-$HERE/../shared/data/ner}"
VERSION="${STANFORD_VERSION:-4.5.7}"
CACHE="${STANFORD_CACHE:-$HERE/target/stanford-ner}"
MODEL=edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz

if [ ! -f "$DATA/conll2003/test.txt" ] || [ ! -f "$DATA/wikigold/wikigold.dev.conll" ]; then
  echo "No CoNLL-2003 test / wikigold under $DATA: nothing to compare." >&2
  exit 1
fi
mkdir -p "$CACHE/jars"

# 1. Stanford's code jar and English models jar (about 480 MB) from Maven Central, once.
for classifier in "" ":jar:models"; do
  artifact="edu.stanford.nlp:stanford-corenlp:$VERSION$classifier"
  name="stanford-corenlp-$VERSION${classifier:+-models}.jar"
  if [ ! -f "$CACHE/jars/$name" ]; then
    echo "fetching $artifact" >&2
    mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$CACHE/jars" >&2
  fi
done

# 2. Token-per-line input (token TAB gold tag; the gold column is only echoed back), sentences
#    separated by one blank line, -DOCSTART- lines dropped: Stanford's CRF tags sentence by sentence.
run_stanford() { # corpus-name gold-file
  local tsv="$CACHE/$1.tsv" out="$CACHE/$1.stanford.txt"
  awk 'BEGIN { OFS = "\t" } /^-DOCSTART-/ { next } NF == 0 { print ""; next } { print $1, $NF }' \
    "$2" | cat -s >"$tsv"
  echo "Stanford CRFClassifier on $1 ..." >&2
  # Output: token, gold tag, predicted tag (bare types: PERSON, ORGANIZATION, LOCATION, MISC).
  java -Xmx3g -cp "$CACHE/jars/*" edu.stanford.nlp.ie.crf.CRFClassifier \
    -loadClassifier "$MODEL" -testFile "$tsv" >"$out" 2>"$CACHE/$1.stanford.log"
  grep -E "tagged [0-9]+ words" "$CACHE/$1.stanford.log" >&2 || true
}
run_stanford conll2003-test "$DATA/conll2003/test.txt"
run_stanford wikigold "$DATA/wikigold/wikigold.dev.conll"

# 3. One scorer for both systems.
echo
echo "== Stanford CoreNLP $VERSION, english.conll.4class.distsim (Herald's scorer)"
"$HERE/herald" eval ner --name conll2003-test --gold "$DATA/conll2003/test.txt" \
  --predictions "$CACHE/conll2003-test.stanford.txt"
"$HERE/herald" eval ner --name wikigold --gold "$DATA/wikigold/wikigold.dev.conll" \
  --predictions "$CACHE/wikigold.stanford.txt" | tail -n +2
echo
echo "== Herald (shipped model)"
"$HERE/herald" eval ner --data "$DATA"
