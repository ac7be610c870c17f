#!/usr/bin/env bash
# Runs viewguard's library models over real public code and times it against
# a plain `clang++ -fsyntax-only` of the same translation units.
#
# The corpus is listed in projects.txt (next to this script): "project" lines
# name a GitHub repository, a commit and the paths taken from it; "tu" lines
# name the translation units, the models (--library) and the compiler flags.
# Headers the projects need but Debian does not ship are stood in for by
# shims/ (see each file there).
#
# This script fetches nothing. It expects each project's tree under
# ${REALCODE:-/work/realcode}/NAME, made like this for each project line
# "project NAME REPO COMMIT PATH...":
#
#   git init -q --bare /tmp/NAME.git
#   git -C /tmp/NAME.git fetch -q --depth 1 https://github.com/REPO COMMIT
#   mkdir -p "$REALCODE/NAME"
#   git -C /tmp/NAME.git archive COMMIT PATH... | tar -x -C "$REALCODE/NAME"
#
# `run.sh --setup-commands` prints exactly these commands for every project.
# Needs: clang++-19, libopencv-dev, libtorch-dev, libeigen3-dev (Debian 12).
#
# Usage: run.sh [-o OUTDIR] [-f REGEX] [-s] [--setup-commands]
#   -o OUTDIR   where per-TU outputs and summary.txt go
#               (default: ${OUT:-bench/real-code/out})
#   -f REGEX    only TUs whose "NAME/TU LIBRARIES" matches the extended REGEX
#   -s          syntax-only timing; do not run viewguard
# Environment: REALCODE, VIEWGUARD (default /work/main/build/bin/viewguard),
#   CLANGXX (default clang++-19), PROJECTS (default projects.txt here).
#
# For each TU it writes OUTDIR/NAME/TU.syntax.txt and OUTDIR/NAME/TU.viewguard.txt
# and prints a table, warnings per check, time totals per library set, and
# every problem: a TU missing or not compiling, viewguard exiting with other
# than 0 (clean or findings) or 1 (warnings-as-errors), or crashing.
# The exit status is 0 when there was no problem, 1 otherwise, 2 on misuse.

set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
REALCODE=${REALCODE:-/work/realcode}
VIEWGUARD=${VIEWGUARD:-/work/main/build/bin/viewguard}
CLANGXX=${CLANGXX:-clang++-19}
PROJECTS=${PROJECTS:-$HERE/projects.txt}
SHIMS=$HERE/shims
OUTDIR=${OUT:-$HERE/out}
FILTER=
SYNTAX_ONLY=0
SETUP_ONLY=0

usage() {
  sed -n '/^# Usage:/,/^# Environment:/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    -o) [ $# -ge 2 ] || usage; OUTDIR=$2; shift 2 ;;
    -f) [ $# -ge 2 ] || usage; FILTER=$2; shift 2 ;;
    -s) SYNTAX_ONLY=1; shift ;;
    --setup-commands) SETUP_ONLY=1; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

[ -r "$PROJECTS" ] || { echo "run.sh: cannot read $PROJECTS" >&2; exit 2; }

# --- the project records ---------------------------------------------------
declare -A REPO=() COMMIT=() PATHS=()
while read -r kind name repo commit paths; do
  [ "$kind" = project ] || continue
  REPO[$name]=$repo
  COMMIT[$name]=$commit
  PATHS[$name]=$paths
done < "$PROJECTS"

setup_commands() {
  local name=$1
  printf '%s\n' \
    "git init -q --bare /tmp/$name.git" \
    "git -C /tmp/$name.git fetch -q --depth 1 https://github.com/${REPO[$name]} ${COMMIT[$name]}" \
    "mkdir -p \"$REALCODE/$name\"" \
    "git -C /tmp/$name.git archive ${COMMIT[$name]} ${PATHS[$name]} | tar -x -C \"$REALCODE/$name\""
}

if [ "$SETUP_ONLY" = 1 ]; then
  for name in "${!REPO[@]}"; do
    echo "# $name"
    setup_commands "$name"
  done
  exit 0
fi

# --- how this viewguard takes the library models --------------------------
if [ "$SYNTAX_ONLY" = 0 ]; then
  if [ ! -x "$VIEWGUARD" ]; then
    echo "run.sh: no viewguard at $VIEWGUARD (set VIEWGUARD, or -s)" >&2
    exit 2
  fi
  if "$VIEWGUARD" --help 2>/dev/null | grep -q -e '--library='; then
    LIBMODE=flag
  else
    LIBMODE=config
  fi
fi

library_arg() { # comma-separated libraries -> one viewguard argument
  if [ "$LIBMODE" = flag ]; then
    printf '%s' "--library=$1"
  else
    printf '%s' "--config={CheckOptions: {Libraries: '${1//,/;}'}}"
  fi
}

now() { printf '%s' "${EPOCHREALTIME:-$(date +%s.%N)}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a + b }'; }

mkdir -p "$OUTDIR" || exit 2
SUMMARY=$OUTDIR/summary.txt
: > "$SUMMARY"
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }

declare -A GROUP_TUS=() GROUP_SYN=() GROUP_VG=() CHECK_COUNT=()
declare -a PROBLEMS=() LIBSETS=()
declare -A MISSING_SHOWN=()

say "viewguard real-code run, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "  corpus:    $PROJECTS (trees under $REALCODE)"
say "  compiler:  $("$CLANGXX" --version 2>/dev/null | head -n 1)"
if [ "$SYNTAX_ONLY" = 0 ]; then
  say "  viewguard: $VIEWGUARD ($("$VIEWGUARD" --version 2>/dev/null | head -n 1)); models via $([ "$LIBMODE" = flag ] && echo --library || echo '--config Libraries')"
else
  say "  viewguard: not run (-s)"
fi
say "  outputs:   $OUTDIR"
say ""
say "$(printf '%-16s %-72s %8s %8s %6s %5s' LIBRARIES TU SYNTAX_S VG_S VG_RC WARN)"

# --- the translation units -------------------------------------------------
while read -r kind name libs tu flagtext; do
  [ "$kind" = tu ] || continue
  key="$name/$tu"
  if [ -n "$FILTER" ] && ! printf '%s %s\n' "$key" "$libs" | grep -Eq -- "$FILTER"; then
    continue
  fi
  if [ -z "${REPO[$name]:-}" ]; then
    PROBLEMS+=("$key: no 'project $name' line in $PROJECTS")
    continue
  fi
  dir=$REALCODE/$name
  if [ ! -f "$dir/$tu" ]; then
    PROBLEMS+=("$key: missing (tree not set up?)")
    if [ -z "${MISSING_SHOWN[$name]:-}" ]; then
      MISSING_SHOWN[$name]=1
      echo "run.sh: $dir/$tu is missing; to set up $name:" >&2
      setup_commands "$name" | sed 's/^/    /' >&2
    fi
    continue
  fi
  flagtext=${flagtext//@SHIMS@/$SHIMS}
  read -r -a flags <<< "$flagtext"
  base=$OUTDIR/$name/$tu
  mkdir -p "$(dirname "$base")"

  t0=$(now)
  (cd "$dir" && "$CLANGXX" -fsyntax-only "${flags[@]}" "$tu") < /dev/null > "$base.syntax.txt" 2>&1
  src=$?
  t1=$(now)
  syn=$(elapsed "$t0" "$t1")
  [ "$src" = 0 ] || PROBLEMS+=("$key: clang++ -fsyntax-only exited $src (see $base.syntax.txt)")

  vg=-; vrc=-; nwarn=-
  if [ "$SYNTAX_ONLY" = 0 ]; then
    larg=$(library_arg "$libs")
    t0=$(now)
    (cd "$dir" && "$VIEWGUARD" "$larg" "$tu" -- "${flags[@]}") < /dev/null > "$base.viewguard.txt" 2>&1
    vrc=$?
    t1=$(now)
    vg=$(elapsed "$t0" "$t1")
    if [ "$vrc" -ge 128 ]; then
      PROBLEMS+=("$key: viewguard killed by signal $((vrc - 128)) (see $base.viewguard.txt)")
    elif [ "$vrc" != 0 ] && [ "$vrc" != 1 ]; then
      first=$(grep -m 1 -E 'error' "$base.viewguard.txt" || head -n 1 "$base.viewguard.txt")
      PROBLEMS+=("$key: viewguard exited $vrc: $(printf '%s' "$first" | cut -c 1-160)")
    fi
    if grep -q -E 'PLEASE submit a bug report|Stack dump:' "$base.viewguard.txt"; then
      PROBLEMS+=("$key: viewguard printed a crash report (see $base.viewguard.txt)")
    fi
    nwarn=0
    while read -r check; do
      [ -n "$check" ] || continue
      CHECK_COUNT[$check]=$(( ${CHECK_COUNT[$check]:-0} + 1 ))
      nwarn=$((nwarn + 1))
    done < <(sed -n -E 's/^.*:[0-9]+:[0-9]+: warning: .* \[([A-Za-z0-9_.,-]+)\]$/\1/p' "$base.viewguard.txt")
  fi

  if [ -z "${GROUP_TUS[$libs]:-}" ]; then
    LIBSETS+=("$libs")
    GROUP_TUS[$libs]=0; GROUP_SYN[$libs]=0; GROUP_VG[$libs]=0
  fi
  GROUP_TUS[$libs]=$(( GROUP_TUS[$libs] + 1 ))
  GROUP_SYN[$libs]=$(add "${GROUP_SYN[$libs]}" "$syn")
  [ "$vg" = - ] || GROUP_VG[$libs]=$(add "${GROUP_VG[$libs]}" "$vg")
  say "$(printf '%-16s %-72s %8s %8s %6s %5s' "$libs" "$key" "$syn" "$vg" "$vrc" "$nwarn")"
done < "$PROJECTS"

# --- summary ---------------------------------------------------------------
say ""
say "$(printf '%-16s %5s %10s %10s %7s' LIBRARIES TUS SYNTAX_S VG_S RATIO)"
tus=0; tsyn=0.00; tvg=0.00
for g in "${LIBSETS[@]}"; do
  ratio=$(awk -v s="${GROUP_SYN[$g]}" -v v="${GROUP_VG[$g]}" 'BEGIN { if (s > 0 && v > 0) printf "%.2f", v / s; else print "-" }')
  say "$(printf '%-16s %5d %10s %10s %7s' "$g" "${GROUP_TUS[$g]}" "${GROUP_SYN[$g]}" "${GROUP_VG[$g]}" "$ratio")"
  tus=$((tus + GROUP_TUS[$g])); tsyn=$(add "$tsyn" "${GROUP_SYN[$g]}"); tvg=$(add "$tvg" "${GROUP_VG[$g]}")
done
ratio=$(awk -v s="$tsyn" -v v="$tvg" 'BEGIN { if (s > 0 && v > 0) printf "%.2f", v / s; else print "-" }')
say "$(printf '%-16s %5d %10s %10s %7s' total "$tus" "$tsyn" "$tvg" "$ratio")"

if [ "$SYNTAX_ONLY" = 0 ]; then
  say ""
  say "warnings per check:"
  if [ "${#CHECK_COUNT[@]}" = 0 ]; then
    say "  (none)"
  else
    for c in "${!CHECK_COUNT[@]}"; do
      printf '  %-36s %5d\n' "$c" "${CHECK_COUNT[$c]}"
    done | sort | tee -a "$SUMMARY"
  fi
fi

say ""
if [ "${#PROBLEMS[@]}" = 0 ]; then
  say "problems: none"
  exit 0
fi
say "problems (${#PROBLEMS[@]}):"
for p in "${PROBLEMS[@]}"; do
  say "  $p"
done
exit 1
