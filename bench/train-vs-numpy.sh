#!/usr/bin/env bash
# Pretraining throughput, Java against NumPy in its best configuration, side by side (issue 17 item 7): for each
# size of the README's train table, alternating rounds of org.iclscale.bench.TrainBenchmark (2 worker threads)
# and bench/numpy_train.py with OpenBLAS on 1 thread and on 2 threads (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset).
# Each prints wall steps/s and steps per CPU-second; on a loaded machine a 2-thread program gets a larger share
# of the cores than a 1-thread one, so read the wall column with the load printed. Usage: bench/train-vs-numpy.sh [rounds]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-2}"
mvn -B -q -o -pl iclscale-cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test >/dev/null
cli="$here/iclscale-cli/target"
cp="$cli/test-classes:$cli/classes:$(cat "$cli/cp.txt")"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
# D alpha kappa tau L steps
sizes=("64 1 1 1 4 100" "128 1 1 0.4 1 60" "128 1 1 1 2 30")
for r in $(seq "$rounds"); do
  for s in "${sizes[@]}"; do
    read -r d a k t l n <<<"$s"
    java -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.TrainBenchmark "$d" "$a" "$k" "$t" "$l" "$n"
    for threads in 1 2; do
      echo -n "OPENBLAS_NUM_THREADS=$threads "
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
        python3 bench/numpy_train.py --dim "$d" --alpha "$a" --kappa "$k" --tau "$t" --depth "$l" --steps "$n" --repeats 2
    done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
