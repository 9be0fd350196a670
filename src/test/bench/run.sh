#!/usr/bin/env bash
# Benchmark: times whole `qapidoc` processes on QEMU's QMP schema (what a user waits for),
# reporting the median wall time of N runs, the median CPU time (user+sys, which is steadier than
# wall time on a busy machine) and the peak RSS. Each command is timed three ways: plain
# `java -jar` (no JVM flags: what the JVM picks by itself), `java -jar` with the launcher's JVM
# flags, and through the launcher `./qapidoc` (which adds its AppCDS archive; one untimed
# warm-up run records it). Speed is measured here, never asserted in tests. Findings and how
# they were made: README.md beside this script.
#
# Usage (from the project root): src/test/bench/run.sh [RUNS] [COMMAND...]
#   RUNS defaults to 10; COMMANDs default to every command that exists in the jar, plus `docs`:
#   the whole QEMU documentation tree (`build docs` in ../shared/corpus/qemu-docs-master, its
#   conf.py run through python3), the job sphinx-build takes 124 s for on this kind of machine.
#   Not by default (slow; name it): `versions`, the versioned site of every QEMU release
#   (`html --history` over a clone of ../shared/corpus/qemu-releases.bundle: 26 tags and master).
# Needs ../shared/corpus/qemu-master and target/qapidoc.jar (mvn -B -q -DskipTests package).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
jar="$root/target/qapidoc.jar"
corpus="$root/../shared/corpus/qemu-master"
runs="${1:-10}"; shift || true
[ -f "$jar" ] || { echo "bench: $jar missing; run: mvn -B -q -DskipTests package" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench: $corpus missing" >&2; exit 2; }
java_cmd=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar")
plain_cmd=(java -jar "$jar")
launcher=("$root/qapidoc")
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT

declare -A cmdline=(
  [dump]="dump qapi/qapi-schema.json"
  [rst]="rst --namespace QMP qapi/qapi-schema.json"
  [introspect]="introspect qapi/qapi-schema.json"
  [lint]="lint qapi/qapi-schema.json"
  [html]="html --namespace QMP -o $out/html qapi/qapi-schema.json"
  [docs]="build -q docs $out/html"
  [versions]="html --history -o $out/html qapi/qapi-schema.json"
)
# where each command runs (default: the QMP corpus)
declare -A cwd=([docs]="$root/../shared/corpus/qemu-docs-master" [versions]="$out/releases")
bundle="$root/../shared/corpus/qemu-releases.bundle"
cmds=("$@"); [ ${#cmds[@]} -gt 0 ] || cmds=(dump rst introspect lint html docs)

printf '%-22s %8s %8s %8s %8s %10s\n' command median min max cpu peakRSS
for c in "${cmds[@]}"; do
  args=${cmdline[$c]:-}
  [ -n "$args" ] || { echo "bench: unknown command $c" >&2; continue; }
  dir="${cwd[$c]:-$corpus}"
  if [ "$c" = versions ] && [ ! -d "$dir" ] && [ -f "$bundle" ]; then git clone -q "$bundle" "$dir"; fi
  [ -d "$dir" ] || { printf '%-22s (%s missing)\n' "$c" "$dir"; continue; }
  cd "$dir"
  # skip commands this build does not have yet
  "${java_cmd[@]}" ${args%% *} --help >/dev/null 2>&1 || { printf '%-22s (not available)\n' "$c"; continue; }
  for how in plain jar launcher; do
    case "$how" in
      plain) cmd=("${plain_cmd[@]}") ;;
      jar) cmd=("${java_cmd[@]}") ;;
      *) cmd=("${launcher[@]}") ;;
    esac
    [ "$how" != launcher ] || { rm -rf "$out/html"; "${cmd[@]}" $args >/dev/null 2>&1 || true; }
    times=(); cpus=(); rss=0
    for _ in $(seq "$runs"); do
      rm -rf "$out/html"
      /usr/bin/time -f '%e %U %S %M' -o "$out/t" "${cmd[@]}" $args >/dev/null 2>"$out/err" || true
      read -r t u s m < "$out/t"
      times+=("$t"); cpus+=("$(echo "$u + $s" | bc)"); [ "$m" -gt "$rss" ] && rss=$m
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    cpu=($(printf '%s\n' "${cpus[@]}" | sort -n))
    n=${#sorted[@]}
    printf '%-22s %7.2fs %7.2fs %7.2fs %7.2fs %8d MB\n' "$c ($how)" "${sorted[$((n/2))]}" "${sorted[0]}" \
      "${sorted[$((n-1))]}" "${cpu[$((n/2))]}" $((rss/1024))
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
