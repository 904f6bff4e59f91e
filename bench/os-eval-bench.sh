#!/usr/bin/env bash
# Times evaluating whole systems through the OS modules: examples/minimal, examples/server and
# a generated configuration (bench/gen-os-config.py: 2,000 services, 500 users by default).
# Each run evaluates `system.build.toplevel`'s .drv path (so every unit, user and /etc file is
# computed, as `sysbuild build` would before building) with `sysbuild eval`, which writes
# nothing. Prints wall time (median, min-max), cpu time (user+sys, median; the steadier figure
# on a busy machine) and peak RSS, from /usr/bin/time -v.
#
#   bench/os-eval-bench.sh [-n RUNS] [--services N] [--users M]
#
# Target (issue #4): the 2,000-service configuration in under 1.5 s on the 2-core machine.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=5 services=2000 users=500
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        --services) services=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        *) echo "usage: $0 [-n RUNS] [--services N] [--users M]" >&2; exit 2 ;;
    esac
done
sysbuild=$repo/sysbuild
tmp=$(mktemp -d /tmp/os-eval-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

"$repo/bench/gen-os-config.py" --services "$services" --users "$users" "$tmp/generated.conf"
"$sysbuild" eval -E 1 >/dev/null 2>&1   # builds the jar and its class-data archive first

expr() { echo "(import <sysbuild/os> { configuration = $1; }).toplevel.drvPath"; }

# one LABEL CONF: RUNS timed runs after an untimed one; a line of figures.
one() {
    local label=$1 conf=$2 e
    e=$(expr "$conf")
    "$sysbuild" eval -E "$e" > "$tmp/out" 2>&1 || { echo "$label: evaluation failed:"; cat "$tmp/out"; exit 1; }
    : > "$tmp/times"
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -v "$sysbuild" eval -E "$e" 2> "$tmp/time.txt" > /dev/null
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
        usr=$(sed -n 's/.*User time (seconds): //p' "$tmp/time.txt")
        sys=$(sed -n 's/.*System time (seconds): //p' "$tmp/time.txt")
        python3 -c "
w='$wall'.split(':'); s=float(w[-1]) + 60*int(w[-2]) + (3600*int(w[-3]) if len(w) > 2 else 0)
print(f'{s:.3f} $rss {$usr + $sys:.2f}')" >> "$tmp/times"
    done
    python3 - "$label" "$tmp/times" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[2]) if l.strip()]
w = [float(r[0]) for r in rows]; m = [int(r[1]) / 1024 for r in rows]; c = [float(r[2]) for r in rows]
print(f"{sys.argv[1]:<36} | {statistics.median(w):6.3f} ({min(w):.3f}-{max(w):.3f}) | {statistics.median(c):6.2f} | {max(m):6.0f}")
PY
}

echo "# OS evaluation benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $runs runs each"
echo "# sysbuild $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s | %-22s | %-6s | %s\n' configuration "wall s median (min-max)" "cpu s" "peak RSS MiB"
one "examples/minimal" "$repo/examples/minimal/system.conf"
one "examples/server" "$repo/examples/server/system.conf"
one "generated: $services services, $users users" "$tmp/generated.conf"
