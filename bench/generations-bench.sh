#!/usr/bin/env bash
# The benchmark targets of issue 5, each run a whole process (JVM start-up included, as a user
# sees it), on examples/server:
#
#   switch, no change                    < 0.5 s
#   switch after changing one /etc file  < 1.5 s   (networking.hosts gets a new entry each run)
#   rollback                             < 0.3 s
#   generations list, 500 generations    < 0.5 s   (and --json)
#
# The launcher's class-data archive is trained by the first switch (see below).
#   bench/generations-bench.sh [-n RUNS] [COUNT]
#
# The switch rows run on a fresh root under $SWITCH_ROOT (default /tmp/switch-bench), with a
# configuration that imports examples/server unchanged and sets one /etc option; builders run
# as `switch` runs them by default (sandboxed when bwrap is installed). EXTRA_ARGS (e.g.
# --no-eval-cache) is added to every switch. COUNT (default 500) generations for the listing
# are made once under $BENCH_ROOT (default /tmp/generations-bench-COUNT, kept between runs since
# making them takes a while), each with its own toplevel (distinct /etc file, 20 packages from a
# shared pool, a kernel). RUNS (default 5) timed runs per row after one untimed run; the medians
# of wall and cpu time (user+sys, all threads) are printed. On a busy machine (2 cores shared)
# cpu is the steadier figure.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-5}
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
count=${1:-500}
bench_root=${BENCH_ROOT:-/tmp/generations-bench-$count}
switch_root=${SWITCH_ROOT:-/tmp/switch-bench}
extra=(${EXTRA_ARGS:-})
sysbuild=$repo/sysbuild

"$sysbuild" --version >/dev/null   # builds the jar when sources changed
if [ ! -e "$bench_root/sysbuild/var/profiles/system-$count-link" ]; then
    echo "making $count generations under $bench_root ..." >&2
    rm -rf "$bench_root"
    (cd "$repo" && mvn -q -B -o -pl generations -am test-compile) >/dev/null
    cp="$repo/generations/target/test-classes:$repo/generations/target/classes:$repo/store/target/classes"
    java -cp "$cp" dev.sysbuild.generations.bench.ManyGenerations "$bench_root" "$count" >&2
fi

# median LIST...: the middle value.
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# time_runs LABEL PREP CMD...: runs PREP (a shell function, untimed) then CMD, once untimed and
# RUNS times timed; prints the median wall and cpu time.
time_runs() {
    local label=$1 prep=$2; shift 2
    $prep; "$@" >/dev/null 2>&1
    local walls=() cpus=()
    for _ in $(seq "$runs"); do
        $prep
        /usr/bin/time -o "$timing" -f "%e %U %S" "$@" >/dev/null 2>&1
        read -r wall user sys < <(tail -1 "$timing")
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
    done
    printf '%-34s wall %5.2f s   cpu %5.2f s   (median of %d)\n' "$label" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$runs"
}

nothing() { :; }
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# The switch configuration: examples/server, imported unchanged, plus one /etc option to vary.
conf_dir=$switch_root/config
rm -rf "$switch_root"
mkdir -p "$conf_dir"
cp -r "$repo"/examples/server/. "$conf_dir"/
mv "$conf_dir/system.conf" "$conf_dir/server.conf"
edits=0
edit_etc() {
    edits=$((edits + 1))
    cat > "$conf_dir/system.conf" <<EOF
{ ... }: {
  imports = [ ./server.conf ];
  networking.hosts."10.0.0.9" = [ "bench-$edits" ];
}
EOF
}
edit_etc
switch=("$sysbuild" switch --root "$switch_root/root" -f "$conf_dir/system.conf" "${extra[@]}")
# The launcher remakes its class-data archive (its own training run, whatever command comes first)
# when it is missing: this first, untimed switch pays for it, as a user's first command after an
# upgrade would.
rm -f "$repo/cli/target/sysbuild.jsa"
"${switch[@]}" >/dev/null 2>&1 || { "${switch[@]}"; exit 1; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); ${EXTRA_ARGS:-default options}"
time_runs "start-up (--version)" nothing "$sysbuild" --version
time_runs "switch, no change" nothing "${switch[@]}"
time_runs "switch, one /etc file changed" edit_etc "${switch[@]}"
made=$(ls "$switch_root/root/sysbuild/var/profiles" | grep -c -- '-link$')
[ "$made" = "$edits" ] || { echo "expected $edits generations from the switch rows, found $made" >&2; exit 1; }
time_runs "rollback" nothing "$sysbuild" rollback --root "$switch_root/root"

lines=$("$sysbuild" generations list --root "$bench_root" | wc -l)
echo "generations listed: $((lines - 1))"
time_runs "generations list" nothing "$sysbuild" generations list --root "$bench_root"
time_runs "generations list --json" nothing "$sysbuild" generations list --json --root "$bench_root"
