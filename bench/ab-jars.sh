#!/usr/bin/env bash
# Compares two builds of sysbuild on one command line, for a change too small for the benchmark
# scripts to show through the machine's noise: each jar gets its own class-data archive, and the
# runs go A B B A A B ... (ABBA order: on the 2-core machine, plain alternation favoured whichever
# side ran second by ~30 ms, in either direction on different days). Prints median wall and cpu.
#
#   bench/ab-jars.sh DIR_A DIR_B RUNS -- SYSBUILD-ARGS...
#
# DIR_A and DIR_B each hold a sysbuild.jar (e.g. copies of cli/target/sysbuild.jar before and after
# a change). The JVM flags are the launcher's (huge pages only where the kernel offers them);
# EXTRA_A / EXTRA_B add flags to one side, e.g. to try a JVM option against the same jar twice.
set -euo pipefail
[ $# -ge 4 ] && [ "$4" = "--" ] || { echo "usage: $0 DIR_A DIR_B RUNS -- SYSBUILD-ARGS..." >&2; exit 2; }
a=$1 b=$2 runs=$3; shift 4
for d in "$a" "$b"; do
    [ -f "$d/sysbuild.jar" ] || { echo "$d has no sysbuild.jar" >&2; exit 2; }
    if [ ! -f "$d/sysbuild.jsa" ]; then
        java -XX:DumpLoadedClassList="$d/classes.lst" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 \
            -jar "$d/sysbuild.jar" --cds-training >/dev/null 2>&1
        java -Xshare:dump -XX:SharedClassListFile="$d/classes.lst" -XX:SharedArchiveFile="$d/sysbuild.jsa" \
            -XX:+UseParallelGC -Xlog:cds=off -cp "$d/sysbuild.jar" >/dev/null 2>&1
    fi
done
flags=(-Xshare:auto -Xlog:disable -Xlog:all=warning:stderr -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy
    -Xms1g -Xmn160m -XX:MaxTenuringThreshold=0 -XX:TieredStopAtLevel=1 -Xss8m -XX:-UsePerfData)
if grep -qs -e '\[always\]' -e '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    flags+=(-XX:+UseTransparentHugePages)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
one() { # one DIR EXTRA ARGS... -> appends "wall_ms cpu_ms" to $tmp/DIR-tag
    local d=$1 tag=$2 extra=$3; shift 3
    local start end
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f "%U %S" -o "$tmp/t" java -XX:SharedArchiveFile="$d/sysbuild.jsa" "${flags[@]}" $extra \
        -jar "$d/sysbuild.jar" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    awk -v wall=$(( (end - start) / 1000000 )) '{ printf "%d %d\n", wall, ($1 + $2) * 1000 }' "$tmp/t" >> "$tmp/$tag"
}
for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
        one "$a" A "${EXTRA_A:-}" "$@"; one "$b" B "${EXTRA_B:-}" "$@"
    else
        one "$b" B "${EXTRA_B:-}" "$@"; one "$a" A "${EXTRA_A:-}" "$@"
    fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for tag in A B; do
    printf '%s  wall %s ms  cpu %s ms   (wall: %s)\n' "$tag" "$(cut -d' ' -f1 "$tmp/$tag" | median)" \
        "$(cut -d' ' -f2 "$tmp/$tag" | median)" "$(cut -d' ' -f1 "$tmp/$tag" | tr '\n' ' ')"
done
