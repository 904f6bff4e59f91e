#!/usr/bin/env bash
# Times `sysbuild build` on the shared build workloads and, when Nix is installed, `nix-build` on
# the same files, alternating the two tools run by run in ABBA order (the machines are noisy; see
# ../shared/bench/RESULTS-nix-2.8.md):
#
#   build-1000.nix, -j 2, from an empty store    (1000 leaves + 1 combiner)
#   build-chain-200.nix, from an empty store     (200 builds, strictly one after another)
#   build-1000.nix again, already built (no-op)  (evaluation + validity checks)
#
#   bench/build-bench.sh [-n RUNS]
#
# RUNS (default 3, also from $RUNS) timed runs per tool and row, after one untimed run whose
# output is checked (1000 lines and 2002 store paths; "199"). sysbuild runs with --no-sandbox
# under a fresh --root, like-for-like with Nix's throwaway store without sandbox
# (NIX-SETUP.md); SANDBOX=1 adds sysbuild rows with the bubblewrap sandbox. Each timed run of a
# build gets a new, empty store. Nothing is deleted while timing: after a mass deletion, file
# creation on these ext4 file systems is slow for minutes (lib.sh in ../shared/bench), so the
# stores stay under $WORK (default /tmp/sysbuild-build-bench) until you remove them.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-3}
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
workloads=${WORKLOADS:-$repo/../shared/bench/workloads}
workloads=$(cd "$workloads" && pwd -P)
sysbuild=$repo/sysbuild
work=${WORK:-/tmp/sysbuild-build-bench}
mkdir -p "$work"
chattr +T "$work" 2>/dev/null || true
work=$(mktemp -d "$work/run.XXXX")
have_nix=false
command -v nix-build >/dev/null && have_nix=true

# once CMD...: runs CMD (output discarded), prints "WALL_S EXIT CPU_S".
once() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
t = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
print(f"{time.monotonic() - t:.4f} {os.waitstatus_to_exitcode(status)} {ru.ru_utime + ru.ru_stime:.4f}")
PY
}

# stats FILE: "median min max bad-exit-codes median-cpu" of the wall times.
stats() {
    python3 - "$1" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
w = [float(r[0]) for r in rows]; c = [float(r[2]) for r in rows]
bad = sorted({r[1] for r in rows if r[1] != "0"})
print(f"{statistics.median(w):.3f} {min(w):.3f} {max(w):.3f} {','.join(bad) or '-'} {statistics.median(c):.3f}")
PY
}

fresh() { mktemp -d "$work/s.XXXXXX"; }                  # a new, empty store root
nixenv() { echo "NIX_STORE_DIR=$1/store NIX_STATE_DIR=$1/var/nix NIX_LOG_DIR=$1/var/log/nix"; }
sb_build() { local r=$1; shift; "$sysbuild" build --root "$r" --no-link -q "$@"; }
nix_build() { local r=$1; shift; env $(nixenv "$r") nix-build --no-out-link "$@"; }

# The launcher builds the jar on first use, and its first run writes the class-data archive of
# the classes that run loaded. Train it with a small build (evaluation, store and builder classes),
# as a user's first `sysbuild build` would; an archive trained by `eval` alone leaves ~600 build
# classes to load from the jar on every run.
"$sysbuild" eval -E 1 >/dev/null 2>&1
rm -f "$repo/cli/target/sysbuild.jsa"
warm=$(mktemp -d "$work/warm.XXXX")
echo 'derivation { name = "warm"; system = builtins.currentSystem; builder = "/bin/sh"; args = [ "-c" "echo ${toString 1} > $out" ]; }' > "$warm/warm.nix"
"$sysbuild" build --root "$warm" --no-link -q --no-sandbox "$warm/warm.nix" >/dev/null

echo "# sysbuild build benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $runs timed runs per tool"
echo "# sysbuild $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1)"
$have_nix && echo "# $(nix-build --version)" || echo "# nix-build not installed: sysbuild only"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

cd "$workloads"
echo "== checking outputs =="
r=$(fresh); out=$(sb_build "$r" --no-sandbox build-1000.nix)
echo "sysbuild build-1000: $(wc -l < "$r$out") lines (want 1000), store paths: $(ls "$r/sysbuild/store" | grep -vc '^\.') (want 2002)"
r=$(fresh); out=$(sb_build "$r" --no-sandbox build-chain-200.nix)
echo "sysbuild build-chain-200: $(cat "$r$out") (want 199)"
if $have_nix; then
    r=$(fresh); out=$(nix_build "$r" build-chain-200.nix 2>/dev/null)
    echo "nix build-chain-200: $(cat "$out") (want 199)"
fi
echo
row() { printf '%-34s | %-21s | %-21s | %-6s | %-6s | %s\n' "$@"; }
row workload "sysbuild wall s" "nix wall s" "wall x" "sb cpu" "nix cpu"
printf -- '-%.0s' {1..110}; echo

# bench LABEL MODE ARGS...: MODE "fresh" (new store per run) or a prepared root for a no-op.
bench() {
    local label=$1 mode=$2; shift 2
    local sb=$work/sb.$label nx=$work/nix.$label sbargs=(--no-sandbox)
    : > "$sb"; : > "$nx"
    if [ "${label#sandbox}" != "$label" ]; then sbargs=(--sandbox); fi
    local with_nix=false
    if $have_nix && [ "${label#sandbox}" = "$label" ]; then with_nix=true; fi
    # ABBA order (sysbuild first in even runs, Nix first in odd ones): with a fixed order, whichever
    # tool ran second gained ~30 ms on this machine (bench/ab-jars.sh), a few percent of chain-200.
    for ((i = 0; i < runs; i++)); do
        local r1=$mode r2=$mode
        if [ "$mode" = fresh ]; then r1=$(fresh); r2=$(fresh); fi
        if $with_nix && ((i % 2 == 1)); then once env $(nixenv "${r2#*:}") nix-build --no-out-link "$@" >> "$nx"; fi
        once "$sysbuild" build --root "${r1%:*}" --no-link -q "${sbargs[@]}" "$@" >> "$sb"
        if $with_nix && ((i % 2 == 0)); then once env $(nixenv "${r2#*:}") nix-build --no-out-link "$@" >> "$nx"; fi
    done
    read -r sw smin smax sbad scpu < <(stats "$sb")
    local note=""
    [ "$sbad" = "-" ] || note="(sysbuild exit $sbad)"
    if [ -s "$nx" ]; then
        read -r nw nmin nmax nbad ncpu < <(stats "$nx")
        [ "$nbad" = "-" ] || note="$note (nix exit $nbad)"
        row "$label" "$sw ($smin-$smax)" "$nw ($nmin-$nmax)" "$(python3 -c "print(f'{$sw / $nw:.2f}')")" "$scpu" "$ncpu $note"
    else
        row "$label" "$sw ($smin-$smax)" - - "$scpu" "- $note"
    fi
}

bench "build-1000, -j 2, empty store" fresh -j 2 build-1000.nix
bench "build-chain-200, empty store" fresh build-chain-200.nix
# The no-op: both tools' stores hold build-1000 already.
sbroot=$(fresh); nixroot=$(fresh)
sb_build "$sbroot" --no-sandbox -j 2 build-1000.nix >/dev/null
$have_nix && nix_build "$nixroot" -j 2 build-1000.nix >/dev/null 2>&1
bench "build-1000 again (no-op)" "$sbroot:$nixroot" -j 2 build-1000.nix
if [ "${SANDBOX:-0}" = 1 ]; then
    bench "sandbox: build-chain-200" fresh build-chain-200.nix
    bench "sandbox: build-1000, -j 2" fresh -j 2 build-1000.nix
fi
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg); wall x is sysbuild / nix (medians)"
echo "# stores kept in $work (remove when done)"
