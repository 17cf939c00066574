#!/usr/bin/env bash
# Before/after JMH measurements in one run (issue 17: the machine is shared, so absolute numbers mean little and
# only paired ratios are reported). The benchmark classes of the current tree are run twice per round, once with
# the iclscale-core/-symbolic classes of an earlier commit and once with the current ones, alternating for
# several rounds; benchmarks that touch only public API (ContourBenchmark, DeteqBenchmark, ...) thus measure the
# old and the new code with the same harness. Benchmarks that carry their own copy of the former kernel
# (IsoLossBenchmark route=former, ModeSumBenchmark *Former*) need no earlier commit: use bench/run-jmh.sh.
# Usage: bench/before-after.sh REV REGEX [rounds] [JMH options...]
#   e.g. bench/before-after.sh dc33b1c ContourBenchmark 2 -wi 1 -i 3
# REV may be revert:COMMIT: the current tree with COMMIT's changes to main sources reverted (when the API the
# benchmark calls changed since COMMIT's parent, e.g. bench/before-after.sh revert:9504f79 ContourBenchmark).
# REGEX may be main:CLASS: a plain main class (a CPU-time check such as org.iclscale.bench.ContourCpuCheck) is run
# instead of JMH, and both sides' output is printed round by round.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1"
regex="$2"
rounds="${3:-2}"
shift $(( $# >= 3 ? 3 : $# ))
cd "$here"
before="$here/target/before-${rev//[:\/]/-}"
if [ ! -d "$before/iclscale-core/target/classes" ]; then
  echo "building $rev into $before ..." >&2
  rm -rf "$before"
  mkdir -p "$before"
  case "$rev" in
    revert:*)
      commit="${rev#revert:}"
      git archive HEAD | tar -x -C "$before"
      git diff "$commit" "$commit^" -- $(git show --name-only --format= "$commit" | grep '/src/main/') \
        | (cd "$before" && patch -s -p1) ;;
    *) git archive "$rev" | tar -x -C "$before" ;;
  esac
  # -DskipTests, not -Dmaven.test.skip: iclscale-symbolic depends on the core's test jar, which must be compiled
  (cd "$before" && mvn -B -q -o -DskipTests -pl iclscale-core,iclscale-symbolic -am package >"$before.log" 2>&1) \
    || { echo "build of $rev failed: see $before.log" >&2; exit 1; }
fi
mvn -B -q -o -pl iclscale-cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test >/dev/null
cli="$here/iclscale-cli/target"
after_cp="$cli/test-classes:$cli/classes:$(cat "$cli/cp.txt")"
before_cp="${after_cp//$here\/iclscale-core\/target\/classes/$before/iclscale-core/target/classes}"
before_cp="${before_cp//$here\/iclscale-symbolic\/target\/classes/$before/iclscale-symbolic/target/classes}"
out="$here/target/before-after"
mkdir -p "$out"
rm -f "$out"/*.csv
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start" >&2
if [[ "$regex" == main:* ]]; then
  for r in $(seq "$rounds"); do
    for side in before after; do
      cp_var="${side}_cp"
      echo "== round $r, $side"
      java -XX:+UseSerialGC -cp "${!cp_var}" "${regex#main:}" "$@"
    done
  done
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
  exit 0
fi
for r in $(seq "$rounds"); do
  for side in before after; do
    cp_var="${side}_cp"
    java -Djmh.ignoreLock=true -cp "${!cp_var}" org.openjdk.jmh.Main "$regex" -rf csv -rff "$out/$side-$r.csv" "$@" \
      >"$out/$side-$r.log" 2>&1 || { echo "JMH failed ($side, round $r): see $out/$side-$r.log" >&2; exit 1; }
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end" >&2
python3 - "$out" "$rounds" <<'PY'
import csv, sys, statistics
out, rounds = sys.argv[1], int(sys.argv[2])
def read(side):
    rows = {}
    for r in range(1, rounds + 1):
        with open(f"{out}/{side}-{r}.csv") as f:
            for row in csv.DictReader(f):
                params = ",".join(f"{k[7:]}={v}" for k, v in row.items() if k.startswith("Param: ") and v)
                key = (row["Benchmark"].split(".")[-1], params, row["Unit"])
                rows.setdefault(key, []).append(float(row["Score"]))
    return rows
b, a = read("before"), read("after")
print(f"{'benchmark':<28} {'params':<28} {'before':>12} {'after':>12} unit        after/before speed-up")
for key in sorted(a):
    if key not in b:
        continue
    mb, ma = statistics.median(b[key]), statistics.median(a[key])
    faster = ma / mb if "/s" in key[2] or "ops/" in key[2] else mb / ma
    print(f"{key[0]:<28} {key[1]:<28} {mb:12.4g} {ma:12.4g} {key[2]:<12} {faster:6.2f}x")
PY
