#!/usr/bin/env bash
# Same-JVM A/B of the tagging stages (language, dates, entities, entity_tagger, analyze) between
# a baseline revision (A) and the working tree (B): CPU-ms per generated bench article, thread
# CPU time, passes interleaved so that both sides share the machine's load (quote the B/A ratios).
# "entities" is what StageProfile measures (the rule recogniser with the model overlay);
# "entity_tagger" is what ScheduleDetector.analyze runs for English text (dev.herald.nlp.ner).
#
# Usage: scripts/tagging-ab.sh BASE_REV [ROUNDS] [STAGES] [ARTICLES]
#        e.g. scripts/tagging-ab.sh c71daaa 6 language,dates,analyze 200
# Needs the app built once (./herald --version builds it); compiles nlp in a worktree of BASE_REV
# under target/tagging-ab and in the working tree (mvn -o compile, never install).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${1:?baseline revision}"
ROUNDS="${2:-6}"
STAGES="${3:-language,dates,entities,entity_tagger,analyze}"
ARTICLES="${4:-200}"
WT="$HERE/target/tagging-ab/$BASE"
LIB="$HERE/app/target/lib"
if [ ! -d "$LIB" ] || [ ! -d "$HERE/app/target/classes" ]; then
  echo "build the app first: ./herald --version" >&2
  exit 2
fi
if [ ! -d "$WT" ]; then
  git -C "$HERE" worktree add -q --detach "$WT" "$BASE"
fi
(cd "$WT" && mvn -B -o -q -pl nlp compile -Dspotless.check.skip=true) >&2
(cd "$HERE" && mvn -B -o -q -pl nlp compile -Dspotless.check.skip=true) >&2
exec java -Xmx1500m -cp "$HERE/app/target/classes:$LIB/*" "$HERE/scripts/TaggingAB.java" \
  "$WT/nlp/target/classes" "$HERE/nlp/target/classes" "$ROUNDS" "$STAGES" \
  "$HERE/samples/articles" "$LIB" "$ARTICLES"
