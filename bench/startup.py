#!/usr/bin/env python3
"""Start-up of whole commands, before and after issue 17 item 6, side by side (alternating runs, one process).

  former   : java -XX:+UseSerialGC -Xss16m -cp <jars> org.iclscale.cli.Main ...   (the launcher before item 6:
             no class-data archive, C2 for every verb, exponents starting Symja every time)
  launcher : ./iclscale ...   (the AppCDS archive written once per build, -XX:TieredStopAtLevel=1 for verbs that
             finish in about a second, exponents' symbolic derivations cached in the build)

Each command runs once per configuration to warm the file cache (and let the launcher write its archive and
cache), then `rounds` times alternating; the medians of wall time and CPU time (user + system of the child, from
getrusage) are printed with their ratio and the load average. Usage: python3 bench/startup.py [rounds]
"""
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(HERE, "iclscale-cli", "target")
FORMER = ["java", "-XX:+UseSerialGC", "-Xss16m", "-cp",
          os.path.join(APP, "iclscale.jar") + ":" + os.path.join(APP, "lib", "*"), "org.iclscale.cli.Main"]
LAUNCHER = [os.path.join(HERE, "iclscale")]

COMMANDS = [
    ["--version"],
    ["risk", "--alpha", "1", "--depth", "16", "--gamma", "8", "--sigma", "0.5"],
    ["landscape", "--alpha", "1", "--depth", "64", "--points", "2000", "--format", "csv"],
    ["optimum", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64", "--depth", "8"],
    ["exponents", "--nu", "1.5", "--beta", "0.8"],
    ["exponents", "--nu", "1.5", "--beta", "0.8", "--verify"],
    ["check", "2*lambda*omega/(1+4*lambda^3*omega*t)", "--against", "fsModeLoss"],
]


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=HERE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env_opts = os.environ.get("JAVA_OPTS")
    if env_opts:
        sys.exit("unset JAVA_OPTS: it would change both configurations")
    run(LAUNCHER + ["--version"])  # builds if needed, writes the archive
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; medians of {rounds} alternating runs")
    print(f"{'command':<62} {'former wall/CPU s':>18} {'launcher wall/CPU s':>20} {'CPU ratio':>9}")
    for args in COMMANDS:
        run(FORMER + args)
        run(LAUNCHER + args)
        f, l = [], []
        for _ in range(rounds):
            f.append(run(FORMER + args))
            l.append(run(LAUNCHER + args))
        fw, fc = statistics.median(x[0] for x in f), statistics.median(x[1] for x in f)
        lw, lc = statistics.median(x[0] for x in l), statistics.median(x[1] for x in l)
        name = " ".join(args)
        name = name if len(name) <= 62 else name[:59] + "..."
        print(f"{name:<62} {fw:8.2f} / {fc:6.2f} {lw:9.2f} / {lc:6.2f} {fc / lc:8.2f}x")
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
