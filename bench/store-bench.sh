#!/usr/bin/env bash
# Times the store commands against Nix 2.8, alternating the two tools run by run (in ABBA order
# for add; the machines are noisy; see ../shared/bench/RESULTS-nix-2.8.md), each run on a store of
# its own:
#
#   add       `sysbuild store add TREE` vs `nix-store --add TREE`, the 20,000-file tree of
#             ../shared/bench/gen-tree.py, each run into an empty store and from a clean page cache
#             (an untimed sync before each run, see bench_add); checks first that both
#             give the tree's known NAR hash and that `sysbuild store dump` equals `nix-store --dump`
#   gc        `sysbuild gc` vs `nix-store --gc` on a store holding GC_PATHS (default 2002, as many as
#             build-1000 leaves) unreachable paths, made untimed with one `store add`/`nix-store --add`
#   gc-build  the same after building build-1000.nix, if `sysbuild build` exists (the builds are
#             untimed, ~15 s each for Nix): the real target
#   gc-100k   sysbuild only: `gc --dry-run` and `gc` over GC_BIG (default 100,000) tiny registered
#             paths in chains of 10 made by bench/gen-store.py (Nix would need ~100,000 SQLite
#             registrations to set up; not compared)
#
#   bench/store-bench.sh [-n RUNS] [add|gc|gc-build|gc-100k]...   (default: add gc gc-build)
#
# Each run is a whole process; wall time from a monotonic clock, cpu (user+sys) and peak RSS from
# wait4(). Nothing is deleted while measuring (deletions slow file creation here for minutes, see
# lib.sh in ../shared/bench); stores stay under $WORK until you remove them.
# Knobs: RUNS (default 5), WORK (default /tmp/nixbench/store-bench), TREE (default /tmp/nixbench/tree).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
shared=${SHARED_BENCH:-$repo/../shared/bench}
runs=${RUNS:-5}
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
what=("$@")
[ ${#what[@]} -gt 0 ] || what=(add gc gc-build)
work=${WORK:-/tmp/nixbench/store-bench}
tree=${TREE:-/tmp/nixbench/tree}
want_hash=1xkzvkzj3krnfi6682rgl0ycppc6sdxzmnhq26fynhzpvlxz27hs
sysbuild=$repo/sysbuild
mkdir -p "$work"
chattr +T "$work" 2>/dev/null || true
command -v nix-store >/dev/null || { echo "nix-store is not installed (see $shared/NIX-SETUP.md)"; exit 2; }

nixenv() { # nixenv DIR CMD...: runs CMD against the throwaway Nix store in DIR
    local d=$1; shift
    NIX_STORE_DIR=$d/store NIX_STATE_DIR=$d/var/nix NIX_LOG_DIR=$d/var/log/nix "$@"
}

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

# stats FILE: "median min max peakMiB badexits cpu" of the rows once printed.
stats() {
    python3 - "$1" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
w = [float(r[0]) for r in rows]; m = [int(r[1]) / 1024 for r in rows]; c = [float(r[3]) for r in rows]
bad = sorted({r[2] for r in rows if r[2] != "0"})
print(f"{statistics.median(w):.3f} {min(w):.3f} {max(w):.3f} {statistics.median(m):.0f} {','.join(bad) or '-'} {statistics.median(c):.3f}")
PY
}

report() { # report LABEL SBROWS NIXROWS NOTE
    local sw smin smax smem sbad scpu nw nmin nmax nmem nbad ncpu
    read -r sw smin smax smem sbad scpu < <(stats "$2")
    read -r nw nmin nmax nmem nbad ncpu < <(stats "$3")
    printf '%-28s | %-21s | %-21s | %-5s | %-6s | %-6s | %-6s | %-6s | %s\n' "$1" "$sw ($smin-$smax)" \
        "$nw ($nmin-$nmax)" "$(python3 -c "print(f'{$sw / $nw:.2f}')")" "$scpu" "$ncpu" "$smem" "$nmem" \
        "$4$([ "$sbad$nbad" = "--" ] || echo " (exit codes: sysbuild $sbad, nix $nbad)")"
}

fs_probe() {
    local d; d=$(mktemp -d "$work/probe.XXXX")
    python3 - "$d" <<'PY'
import os, sys, time
d = sys.argv[1]; n = 1000; t = time.monotonic()
for i in range(n):
    os.close(os.open(f"{d}/f{i}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
print(f"# fs probe: creating an empty file costs {(time.monotonic() - t) / n * 1e6:.0f} us (normal here: ~20 us)")
PY
}

"$sysbuild" store --help >/dev/null 2>&1   # builds the jar and the class-data archive if needed
echo "# sysbuild store benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $runs timed runs per tool"
echo "# sysbuild $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1), $(nix-store --version)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews both tools)"
fs_probe
printf '%-28s | %-21s | %-21s | %-5s | %-6s | %-6s | %-6s | %-6s | %s\n' workload "sysbuild wall s" "nix wall s" "x" \
    "sb cpu" "nixcpu" "sb MiB" "nixMiB" "checks"
printf -- '-%.0s' {1..150}; echo

bench_add() {
    [ -d "$tree" ] || python3 "$shared/gen-tree.py" "$tree" >/dev/null
    find "$tree" -type f -exec cat {} + >/dev/null   # into the page cache, as for Nix's baseline
    local pool sb nx check r p got
    pool=$(mktemp -d "$work/add.XXXX"); sb=$pool/sb.rows; nx=$pool/nix.rows
    # checks (untimed): the NAR hash both tools record, and dump against nix-store --dump
    p=$("$sysbuild" store add --root "$pool/check" "$tree")
    got=$("$sysbuild" store path-info --root "$pool/check" --json "$p" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["narHash"])')
    check="narHash $([ "$got" = "sha256:$want_hash" ] && echo ok || echo "DIFFERS ($got)")"
    if cmp -s <("$sysbuild" store dump --root "$pool/check" "$p") <(nix-store --dump "$tree"); then
        check="$check, dump = nix-store --dump"
    else
        check="$check, dump DIFFERS from nix-store --dump"
    fi
    r=$(nixenv "$pool/nixcheck" nix-store --add "$tree")
    [ "$(nixenv "$pool/nixcheck" nix-store -q --hash "$r")" = "sha256:$want_hash" ] || check="$check, nix hash DIFFERS"
    # Every timed run starts with nothing dirty in the page cache (an untimed sync before it): the
    # runs alternate, and the 201 MiB a run leaves unwritten (Nix syncs no store contents; the kernel
    # writes them back ~30 s later) would otherwise be written inside the next run of the other
    # tool if that one syncs, as `store add` does before it registers (syncfs covers the whole file
    # system). Measured on the same jar: ~1.65 s from a clean start, ~1.9 s right after a Nix run.
    # ABBA order, as in build-bench.sh: a fixed order favoured whichever tool ran second.
    for ((i = 0; i < runs; i++)); do
        for who in $( ((i % 2 == 0)) && echo "sb nix" || echo "nix sb"); do
            sync
            if [ "$who" = sb ]; then
                once /dev/null "$sysbuild" store add --root "$pool/sb$i" "$tree" >> "$sb"
            else
                once /dev/null env NIX_STORE_DIR="$pool/nix$i/store" NIX_STATE_DIR="$pool/nix$i/var/nix" \
                    NIX_LOG_DIR="$pool/nix$i/var/log/nix" nix-store --add "$tree" >> "$nx"
            fi
        done
    done
    report "store add (20k files, 201 MiB)" "$sb" "$nx" "$check"
}

bench_gc() {
    local n=${GC_PATHS:-2002} pool files sb nx out check=""
    pool=$(mktemp -d "$work/gc.XXXX"); sb=$pool/sb.rows; nx=$pool/nix.rows
    mkdir -p "$pool/files"
    for ((k = 0; k < n; k++)); do echo "small file $k" > "$pool/files/f$k"; done
    files=("$pool"/files/*)
    echo "# gc: preparing $((runs + 1)) stores of $n paths per tool (untimed) ..."
    for ((i = 0; i <= runs; i++)); do
        "$sysbuild" store add --root "$pool/sb$i" "${files[@]}" > /dev/null
        nixenv "$pool/nix$i" nix-store --add "${files[@]}" > /dev/null
    done
    # check (untimed) on the last pair, then leave it out of the timed runs
    out=$("$sysbuild" gc --root "$pool/sb$runs" | tail -1); check="sysbuild: $out"
    out=$(nixenv "$pool/nix$runs" nix-store --gc 2>&1 | tail -1); check="$check; nix: $out"
    for ((i = 0; i < runs; i++)); do
        once /dev/null "$sysbuild" gc --root "$pool/sb$i" >> "$sb"
        once /dev/null env NIX_STORE_DIR="$pool/nix$i/store" NIX_STATE_DIR="$pool/nix$i/var/nix" \
            NIX_LOG_DIR="$pool/nix$i/var/log/nix" nix-store --gc >> "$nx"
    done
    report "gc, $n dead added paths" "$sb" "$nx" "$check"
}

bench_gc_build() {
    # (`sysbuild build --help` would print the top command's help and succeed: look at the command list.)
    if ! "$sysbuild" --help 2>/dev/null | grep -qE '^ +build +'; then
        echo "gc after build-1000          | skipped: this sysbuild has no 'build' command yet"
        return
    fi
    local pool sb nx out check wl=$shared/workloads/build-1000.nix
    pool=$(mktemp -d "$work/gcbuild.XXXX"); sb=$pool/sb.rows; nx=$pool/nix.rows
    echo "# gc-build: building build-1000 $((runs + 1)) times per tool (untimed; minutes) ..."
    for ((i = 0; i <= runs; i++)); do
        # The result link would be a root: build from a scratch directory, then remove the link.
        (mkdir -p "$pool/cwd$i" && cd "$pool/cwd$i" && ${BUILD_CMD:-"$sysbuild" build -q --root "$pool/sb$i"} "$wl" >/dev/null \
            && rm -f result result-*)
        nixenv "$pool/nix$i" nix-build --no-out-link "$wl" >/dev/null 2>&1
    done
    out=$("$sysbuild" gc --root "$pool/sb$runs" | tail -1); check="sysbuild: $out"
    out=$(nixenv "$pool/nix$runs" nix-store --gc 2>&1 | tail -1); check="$check; nix: $out"
    for ((i = 0; i < runs; i++)); do
        once /dev/null "$sysbuild" gc --root "$pool/sb$i" >> "$sb"
        once /dev/null env NIX_STORE_DIR="$pool/nix$i/store" NIX_STATE_DIR="$pool/nix$i/var/nix" \
            NIX_LOG_DIR="$pool/nix$i/var/log/nix" nix-store --gc >> "$nx"
    done
    report "gc after build-1000" "$sb" "$nx" "$check"
}

bench_gc_100k() {
    local n=${GC_BIG:-100000} pool r
    pool=$(mktemp -d "$work/gc100k.XXXX")
    echo "# gc-100k: writing $n registered paths (untimed, ~45 s) ..."
    python3 "$repo/bench/gen-store.py" "$pool/r" "$n" >/dev/null
    sync
    r=$(once "$pool/dry.out" "$sysbuild" gc --root "$pool/r" --dry-run)
    echo "gc --dry-run, $n paths         | $r (wall s, peak KiB, exit, cpu s) | $(tail -1 "$pool/dry.out")"
    r=$(once "$pool/gc.out" "$sysbuild" gc --root "$pool/r")
    echo "gc, $n paths                   | $r (wall s, peak KiB, exit, cpu s) | $(tail -1 "$pool/gc.out")"
    r=$(once "$pool/gc2.out" "$sysbuild" gc --root "$pool/r")
    echo "gc again, empty store          | $r | $(tail -1 "$pool/gc2.out")"
}

for w in "${what[@]}"; do
    case $w in
        add) bench_add ;;
        gc) bench_gc ;;
        gc-build) bench_gc_build ;;
        gc-100k) bench_gc_100k ;;
        *) echo "unknown workload '$w' (add, gc, gc-build, gc-100k)"; exit 2 ;;
    esac
done
fs_probe
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg); x is sysbuild / nix (median wall)"
