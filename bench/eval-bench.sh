#!/usr/bin/env bash
# Times `sysbuild eval --strict` on the shared evaluation workloads and, when Nix is installed,
# `nix-instantiate --eval --strict` on the same files, alternating the two tools run by run
# (the machines are noisy; see ../shared/bench/RESULTS-nix-2.8.md). Also times start-up (`-E 1`).
#
#   bench/eval-bench.sh [-n RUNS] [WORKLOAD.nix ...]
#
# RUNS (default 5, also from $RUNS) timed runs per tool and workload, after one untimed run
# whose output is checked against workloads/EXPECTED.txt. Each run is a whole process: wall
# time from a monotonic clock; cpu (user+sys, all threads) and peak RSS (the largest single
# process) from wait4(). On a busy machine cpu is the steadier figure.
# Knobs: WORKLOADS (default ../shared/bench/workloads beside this repository),
#        NIX_BENCH_STORE (default /tmp/nixbench/evalstore: Nix's throwaway store, kept afterwards,
#        since deleting many files right before timing slows file creation here).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-5}
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
workloads=${WORKLOADS:-$repo/../shared/bench/workloads}
workloads=$(cd "$workloads" && pwd -P)
expected=$workloads/EXPECTED.txt
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(eval-fib-30.nix eval-attrs.nix eval-modules-2000.nix)
sysbuild=$repo/sysbuild

have_nix=false
if command -v nix-instantiate >/dev/null; then
    have_nix=true
    store=${NIX_BENCH_STORE:-/tmp/nixbench/evalstore}
    mkdir -p "$store"
    # A throwaway store, so nothing global is touched (see ../shared/bench/NIX-SETUP.md).
    export NIX_STORE_DIR=$store/store NIX_STATE_DIR=$store/var/nix NIX_LOG_DIR=$store/var/log/nix
fi

tmp=$(mktemp -d /tmp/eval-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# once OUTFILE CMD...: runs CMD with its stdout in OUTFILE, prints "WALL_S PEAK_KIB EXIT CPU_S".
once() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
with open(out, "wb") as o:
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=o, stderr=subprocess.STDOUT)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
print(f"{wall:.4f} {ru.ru_maxrss} {os.waitstatus_to_exitcode(status)} {ru.ru_utime + ru.ru_stime:.4f}")
PY
}

# stats FILE: wall "median min max", median peak MiB, the non-zero exit codes, median cpu (user+sys) s.
stats() {
    python3 - "$1" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
w = [float(r[0]) for r in rows]; m = [int(r[1]) / 1024 for r in rows]
bad = sorted({r[2] for r in rows if r[2] != "0"})
c = [float(r[3]) for r in rows]
print(f"{statistics.median(w):.3f} {min(w):.3f} {max(w):.3f} {statistics.median(m):.0f} {','.join(bad) or '-'} {statistics.median(c):.3f}")
PY
}

# check NAME WANT OUTFILE: "ok", or "MISMATCH" with both outputs on stderr.
check() {
    local got
    got=$(cat "$3")
    if [ -z "$2" ]; then
        echo "no expectation"
    elif [ "$got" = "$2" ]; then
        echo "ok"
    else
        echo "MISMATCH"
        printf '  %s: want %.200s\n  %s: got  %.400s\n' "$1" "$2" "$1" "$got" >&2
    fi
}

# Warm the launcher first: it builds the jar and writes the class-data archive on first use.
"$sysbuild" eval -E 1 >/dev/null 2>&1
# The launcher drops its class-data archive only when it rebuilds the jar itself; after a plain
# `mvn package`/`verify` the archive no longer matches the jar and the JVM ignores it silently
# (start-up then costs ~0.25 s more). Measure what the launcher is meant to give.
jar=$repo/cli/target/sysbuild.jar cds=$repo/cli/target/sysbuild.jsa
if [ -f "$cds" ] && [ "$jar" -nt "$cds" ]; then
    echo "# note: $cds was older than the jar (stale, unused); removed so the launcher rewrites it"
    rm -f "$cds"
    "$sysbuild" eval -E 1 >/dev/null 2>&1
fi

echo "# sysbuild eval benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $runs timed runs per tool"
echo "# sysbuild $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1)"
$have_nix && echo "# $(nix-instantiate --version)" || echo "# nix-instantiate not installed: sysbuild only"
echo "# workloads: $workloads"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews both tools)"
echo
row() { printf '%-22s | %-21s | %-21s | %-6s | %-6s | %-7s | %-6s | %-7s | %-5s | %s\n' "$@"; }
row workload "sysbuild wall s" "nix wall s" "wall x" "sb cpu" "nix cpu" "sb MiB" "nix MiB" "mem x" output
row "" "median (min-max)" "median (min-max)" "" "s" "s" "" "" "" ""
printf -- '-%.0s' {1..140}; echo

bench_one() {   # bench_one LABEL WANT ARGS... (WANT: the expected output; ARGS follow `eval --strict`)
    local label=$1 want=$2; shift 2
    local sb=$tmp/sb.$label nx=$tmp/nix.$label verdict
    : > "$sb"; : > "$nx"
    # Untimed first run of each tool: its output is what gets checked.
    once "$tmp/out.sb" "$sysbuild" eval --strict "$@" >/dev/null
    verdict="sysbuild $(check "$label" "$want" "$tmp/out.sb")"
    if $have_nix; then
        once "$tmp/out.nix" nix-instantiate --eval --strict "$@" >/dev/null
        verdict="$verdict, nix $(check "$label" "$want" "$tmp/out.nix")"
    fi
    for ((i = 0; i < runs; i++)); do
        once /dev/null "$sysbuild" eval --strict "$@" >> "$sb"
        if $have_nix; then once /dev/null nix-instantiate --eval --strict "$@" >> "$nx"; fi
    done
    read -r sw smin smax smem sbad scpu < <(stats "$sb")
    [ "$sbad" = "-" ] || verdict="$verdict (sysbuild exit $sbad)"
    if $have_nix; then
        read -r nw nmin nmax nmem nbad ncpu < <(stats "$nx")
        local wr mr
        wr=$(python3 -c "print(f'{$sw / $nw:.2f}')")
        mr=$(python3 -c "print(f'{$smem / $nmem:.2f}')")
        row "$label" "$sw ($smin-$smax)" "$nw ($nmin-$nmax)" "$wr" "$scpu" "$ncpu" "$smem" "$nmem" "$mr" "$verdict"
    else
        row "$label" "$sw ($smin-$smax)" - - "$scpu" - "$smem" - - "$verdict"
    fi
}

bench_one "startup (-E 1)" 1 -E 1
cd "$workloads"
for f in "${files[@]}"; do
    bench_one "$f" "$(grep -F "$f: " "$expected" | head -1 | cut -d' ' -f2-)" "$f"
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg); wall x and mem x are sysbuild / nix (medians)"
