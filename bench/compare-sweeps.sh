#!/usr/bin/env bash
# `sweep` commands on an earlier commit's jars (built by bench/side-by-side.sh into target/side-by-side-REV) and on
# the current build, compared byte for byte: stdout, stderr and the exit code, each command in every sweep --format
# given (the sweep's own --format goes before VERB, so bench/compare-outputs.sh, which appends it, does not apply).
# Usage: bench/compare-sweeps.sh REV 'FORMATS' 'VERB ARGS...' ['VERB ARGS...' ...]   e.g. REV 'csv json table'
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1"
formats="$2"
shift 2
cd "$here"
app="$here/target/side-by-side-$rev/app"
[ -f "$app/iclscale.jar" ] || { echo "no build of $rev: run bench/side-by-side.sh $rev 1 '--version' first" >&2; exit 1; }
./iclscale --version >/dev/null
tmp="$(mktemp -d)"
status=0
for c in "$@"; do
  for f in $formats; do
    eval "set -- sweep --format $f $c"
    java -XX:+UseSerialGC -Xss16m -cp "$app/iclscale.jar:$app/lib/*" org.iclscale.cli.Main "$@" >"$tmp/a.out" 2>"$tmp/a.err"
    echo $? >"$tmp/a.rc"
    ./iclscale "$@" >"$tmp/b.out" 2>"$tmp/b.err"
    echo $? >"$tmp/b.rc"
    if cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.err" "$tmp/b.err" && cmp -s "$tmp/a.rc" "$tmp/b.rc"; then
      echo "identical ($f, exit $(cat "$tmp/a.rc"), $(wc -c <"$tmp/a.out") + $(wc -c <"$tmp/a.err") bytes): $c"
    else
      echo "DIFFERENT ($f): $c"
      diff "$tmp/a.out" "$tmp/b.out" | head -5
      diff "$tmp/a.err" "$tmp/b.err" | head -5
      echo "exit $(cat "$tmp/a.rc") vs $(cat "$tmp/b.rc")"
      status=1
    fi
  done
done
rm -rf "$tmp"
exit $status
