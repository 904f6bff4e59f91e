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

# time_runs LABEL CMD...: the median wall time and the median cpu time (user+sys, all threads) of
# RUNS runs. On a busy machine (2 cores shared) cpu is the steadier figure.
time_runs() {
    local label=$1; shift
    "$@" >/dev/null
    local walls=() cpus=()
    for _ in $(seq "$runs"); do
        local out
        out=$( { /usr/bin/time -f "%e %U %S" "$@" >/dev/null; } 2>&1 | tail -1)
        read -r wall user sys <<<"$out"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
    done
    local mid=$(( (runs + 1) / 2 ))
    local wall cpu
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p")
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")
    printf '%-28s wall %5.2f s   cpu %5.2f s   (median of %d)\n' "$label" "$wall" "$cpu" "$runs"
}

lines=$("$sysbuild" generations list --root "$bench_root" | wc -l)
echo "generations listed: $((lines - 1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"
time_runs "start-up (--version)" "$sysbuild" --version
time_runs "generations list" "$sysbuild" generations list --root "$bench_root"
time_runs "generations list --json" "$sysbuild" generations list --json --root "$bench_root"
