#!/usr/bin/env bash
# Output of whole commands on an earlier commit's jars (built by bench/side-by-side.sh into
# target/side-by-side-REV) and on the current build, compared byte for byte in every --format given.
# Usage: bench/compare-outputs.sh REV 'FORMATS' 'VERB ARGS...' ['VERB ARGS...' ...]   e.g. REV 'json csv table'
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1"
formats="$2"
shift 2
cd "$here"
app="$here/target/side-by-side-$rev/app"
[ -f "$app/iclscale.jar" ] || { echo "no build of $rev: run bench/side-by-side.sh $rev 1 '--version' first" >&2; exit 1; }
status=0
for c in "$@"; do
  for f in $formats; do
    eval "set -- $c --format $f"
    a="$(java -XX:+UseSerialGC -Xss16m -cp "$app/iclscale.jar:$app/lib/*" org.iclscale.cli.Main "$@" 2>&1)"
    b="$(./iclscale "$@" 2>&1)"
    if [ "$a" == "$b" ]; then echo "identical ($f, $(printf %s "$a" | wc -c) bytes): $c"; else
      echo "DIFFERENT ($f): $c"; diff <(echo "$a") <(echo "$b") | head -20; status=1; fi
  done
done
exit $status
