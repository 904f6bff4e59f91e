#!/usr/bin/env bash
# Times `sysbuild generations list` (table and --json) on a root with many generations; the
# target is 500 generations listed in under 0.5 s (issue 5). Each run is a whole process, so the
# JVM's start-up is included, as a user would see it.
#
#   bench/generations-bench.sh [-n RUNS] [COUNT]
#
# COUNT (default 500) generations are made once under $BENCH_ROOT (default
# /tmp/generations-bench-COUNT, kept between runs since making them takes a while), each with
# its own toplevel (distinct /etc file, 20 packages from a shared pool, a kernel). RUNS (default
# 5) timed runs per form after one untimed run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-5}
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
count=${1:-500}
bench_root=${BENCH_ROOT:-/tmp/generations-bench-$count}
sysbuild=$repo/sysbuild

"$sysbuild" --version >/dev/null   # builds the jar when sources changed
if [ ! -e "$bench_root/sysbuild/var/profiles/system-$count-link" ]; then
    echo "making $count generations under $bench_root ..." >&2
    rm -rf "$bench_root"
    (cd "$repo" && mvn -q -B -o -pl generations -am test-compile) >/dev/null
    cp="$repo/generations/target/test-classes:$repo/generations/target/classes:$repo/store/target/classes"
    java -cp "$cp" dev.sysbuild.generations.bench.ManyGenerations "$bench_root" "$count" >&2
fi

# time_runs LABEL CMD...: prints the wall time of each run and the median, in seconds.
time_runs() {
    local label=$1; shift
    "$@" >/dev/null
    local times=()
    for _ in $(seq "$runs"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc)")
    done
    local sorted median
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-28s median %.3f s   runs: %s\n' "$label" "$median" "$(echo "$sorted" | tr '\n' ' ')"
}

lines=$("$sysbuild" generations list --root "$bench_root" | wc -l)
echo "generations listed: $((lines - 1))"
time_runs "generations list" "$sysbuild" generations list --root "$bench_root"
time_runs "generations list --json" "$sysbuild" generations list --json --root "$bench_root"
