#!/usr/bin/env bash
# Benchmarks the packaged plugin on synthetic inventories of 10,000 and 100,000 servers, running the audit goal
# through the Maven wrapper as a user would, beside two floors measured in the same run: a minimal plugin goal run
# the same way (what any goal costs before it does its work) and a Jackson token scan of the same input (what
# reading it costs at least). See docs/benchmarks.md.
#
# Environment (all optional):
#   BENCHMARK_SIZES    server counts to measure, default "10000 100000"
#   BENCHMARK_INPUTS   inventory formats to measure, default "aws-cli normalized"
#   BENCHMARK_FORMATS  report formats the audit writes, default "json,sarif"
#   BENCHMARK_HEAP     maximum heap of the Maven JVM, default 1g
#   BENCHMARK_RUNS     how many times each floor and each audit run, default 3; the medians are compared
#   MAVEN_REPO         local Maven repository to install into and run from, default Maven's own (~/.m2/repository)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=0.1.0-SNAPSHOT
plugin="io.github.cloudaudit:cloud-audit-maven-plugin:$version"
minimal="io.github.cloudaudit:minimal-maven-plugin:$version"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jar="$repo/io/github/cloudaudit/cloud-audit-maven-plugin/$version/cloud-audit-maven-plugin-$version.jar"
minimal_jar="$repo/io/github/cloudaudit/minimal-maven-plugin/$version/minimal-maven-plugin-$version.jar"
mvn_args=(-B)
if [ -n "${MAVEN_REPO:-}" ]; then
  mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO")
fi
work="$root/target/benchmark"
read -r -a sizes <<< "${BENCHMARK_SIZES:-10000 100000}"
read -r -a inputs <<< "${BENCHMARK_INPUTS:-aws-cli normalized}"
formats="${BENCHMARK_FORMATS:-json,sarif}"
heap="${BENCHMARK_HEAP:-1g}"
runs="${BENCHMARK_RUNS:-3}"
audit_date=2026-11-23
mkdir -p "$work/inventories" "$work/results"
if [ ! -x /usr/bin/time ]; then
  echo "benchmark/run.sh needs GNU time at /usr/bin/time to measure memory (Debian/Ubuntu: apt-get install time)" >&2
  exit 2
fi

# 1. The plugin under test and the minimal plugin are the installed ones: each is installed when its jar is missing
#    or older than its sources. (A copied repository gives its jars new times: delete them to force a build.)
stale() { # jar, sources...
  local jar=$1
  shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" -type f -newer "$jar" -print -quit)" ]
}
if stale "$jar" pom.xml plugin/pom.xml plugin/src/main report-templates; then
  echo "Installing the plugin (missing or older than its sources) ..."
  ./mvnw "${mvn_args[@]}" -q install -DskipTests -pl report-templates,plugin -am
fi
if stale "$minimal_jar" pom.xml benchmark/minimal-plugin/pom.xml benchmark/minimal-plugin/src; then
  echo "Installing the minimal plugin, the first floor (missing or older than its sources) ..."
  ./mvnw "${mvn_args[@]}" -q install -f benchmark/minimal-plugin/pom.xml
fi

# 2. The generator and the token scan run from the plugin's test classes.
classpath_file="$root/plugin/target/generator-classpath.txt"
scan_class="$root/plugin/target/test-classes/io/github/cloudaudit/benchmark/TokenScan.class"
if [ ! -f "$classpath_file" ] || stale "$scan_class" plugin/src/test/java/io/github/cloudaudit/benchmark plugin/src/main; then
  echo "Compiling the inventory generator and the token scan ..."
  # Each module writes its own target/generator-classpath.txt; the plugin's is the one needed.
  ./mvnw "${mvn_args[@]}" -q -pl report-templates,plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/generator-classpath.txt -Dmdep.includeScope=test
fi
classpath="$root/plugin/target/test-classes:$root/plugin/target/classes:$(cat "$classpath_file")"

# 3. Inventories are generated once and reused; a marker file tells a finished folder from an interrupted one.
for size in "${sizes[@]}"; do
  for input in "${inputs[@]}"; do
    dir="$work/inventories/$input-$size"
    if [ ! -f "$dir.complete" ]; then
      rm -rf "$dir"
      java -Xmx256m -cp "$classpath" io.github.cloudaudit.benchmark.SyntheticInventory "$dir" "$size" "$input"
      touch "$dir.complete"
    fi
  done
done

# Peak heap in MB from a unified GC log: the most heap ever used is just before a collection ("120M->30M(1024M)")
# or at exit (gc+heap+exit lists each heap part's "used"); Metaspace is not heap and is left out.
peak_heap_mb() {
  awk '
    function mb(value, unit) { return unit == "G" ? value * 1024 : unit == "K" ? value / 1024 : value }
    / Pause / && match($0, /[0-9]+[KMG]->/) {
      text = substr($0, RSTART, RLENGTH - 2)
      used = mb(substr(text, 1, length(text) - 1) + 0, substr(text, length(text), 1))
      if (used > peak) peak = used
    }
    /gc,heap,exit/ && /(garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)/ \
        && match($0, /used [0-9]+K/) {
      at_exit += substr($0, RSTART + 5, RLENGTH - 6) / 1024
    }
    END { if (at_exit > peak) peak = at_exit; printf "%.0f", peak }
  ' "$1"
}

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f", e - s }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
# The median of numbers, and the smallest and largest as "min-max".
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf (m < 1 ? "%.2f" : "%.1f"), m }'; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }
# User plus system CPU seconds of a run, from /usr/bin/time -v.
cpu_seconds() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"; }

# A stage's time from the goal's log: "Read 100000 servers from 28 file(s) in 2.9 s, 4.1 s CPU" gives "2.9 s, 4.1 s CPU".
# A log without the line gives nothing rather than stopping the script (set -e) before it prints the table.
stage() { # log, pattern
  { grep -E "$2" "$1" || true; } | tail -n 1 | sed -E 's/.* in ([0-9.]+ s(, [0-9.]+ s CPU)?).*/\1/'
}

# 4. Per inventory: the two floors, then the audit, all timed as a user would wait for them.
rows=()
details=()
failed=0
declare -A run_median floor_of
for size in "${sizes[@]}"; do
  for input in "${inputs[@]}"; do
    name="$input-$size"
    dir="$work/inventories/$name"
    out="$work/results/$name"
    rm -rf "$out" && mkdir -p "$out/floor" "$out/report"
    input_mb=$(du -sb "$dir" | awk '{ printf "%.1f", $1 / 1e6 }')
    echo "Auditing $name ($input_mb MB, formats $formats) ..."

    # Floors and audit take turns, so that a slower minute on this shared machine weighs on both alike.
    plugin_floors=()
    scan_floors=()
    run_times=()
    run_cpus=()
    heaps=()
    status=0
    for ((run = 1; run <= runs; run++)); do
      start=$(now)
      (cd "$out/floor" && MAVEN_OPTS="-Xmx$heap" "$root/mvnw" "${mvn_args[@]}" -q "$minimal:nothing" \
        > "$out/floor/maven.log" 2>&1)
      plugin_floors+=("$(elapsed "$start" "$(now)")")
      scan_floors+=("$(java -Xmx256m -cp "$classpath" io.github.cloudaudit.benchmark.TokenScan "$dir" \
        | sed -E 's/.*, ([0-9.]+) s$/\1/')")

      rm -rf "$out/report" && mkdir -p "$out/report"
      start=$(now)
      # The goal runs in an empty folder, so no project is loaded: the plugin needs none.
      (cd "$out" && MAVEN_OPTS="-Xmx$heap -Xlog:gc,gc+heap+exit:file=$out/gc.log" \
        /usr/bin/time -v -o "$out/time.txt" "$root/mvnw" "${mvn_args[@]}" "$plugin:audit" \
          -Dcloudaudit.inventory="$dir" -Dcloudaudit.auditDate="$audit_date" -Dcloudaudit.failOnSeverity=NONE \
          -Dcloudaudit.formats="$formats" -Dcloudaudit.outputDirectory="$out/report" > "$out/maven.log" 2>&1) \
        || status=$?
      end=$(now)
      [ "$status" -ne 0 ] && break
      run_times+=("$(elapsed "$start" "$end")")
      run_cpus+=("$(cpu_seconds "$out/time.txt")")
      heaps+=("$(peak_heap_mb "$out/gc.log")")
    done
    if [ "$status" -ne 0 ]; then
      failed=1
      echo "  FAILED (exit $status); last lines of $out/maven.log:"
      tail -n 15 "$out/maven.log" | sed 's/^/    /'
      rows+=("$(printf "| %s | %s | FAILED, see %s |" "$name" "$size" "$out/maven.log")")
      continue
    fi
    plugin_floor=$(median "${plugin_floors[@]}")
    scan_floor=$(median "${scan_floors[@]}")
    floor=$(awk -v p="$plugin_floor" -v s="$scan_floor" 'BEGIN { printf "%.1f", p + s }')
    seconds=$(median "${run_times[@]}")
    ratio=$(awk -v r="$seconds" -v f="$floor" 'BEGIN { printf "%.1f", r / f }')
    run_median[$name]=$seconds
    floor_of[$name]=$floor
    heap_mb=$(printf '%s\n' "${heaps[@]}" | sort -g | tail -n 1)
    rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/time.txt")
    outputs=""
    for file in "$out"/report/findings.*; do
      bytes=$(stat -c %s "$file")
      gz=$(gzip -c "$file" | wc -c)
      outputs+="$(basename "$file") $(mb "$bytes") MB ($(mb "$gz") MB gzipped); "
    done
    writes=$(grep -E "Wrote [^ ]+ \(" "$out/maven.log" | sed -E 's/.*Wrote ([^ ]+) \([^)]*\) in ([0-9.]+ s(, [0-9.]+ s CPU)?).*/\1 \2/' \
      | paste -sd ';' - | sed 's/;/; /g')
    rows+=("$(printf "| %s | %s | %s | %s (%s) | %s | %s (%s) | %s (%s) | %s | %sx | %s MB | %s MB |" "$name" "$size" \
      "$input_mb" "$seconds" "$(spread "${run_times[@]}")" "$(median "${run_cpus[@]}")" \
      "$plugin_floor" "$(spread "${plugin_floors[@]}")" "$scan_floor" "$(spread "${scan_floors[@]}")" "$floor" "$ratio" \
      "$heap_mb" "$rss_mb")")
    details+=("$name: read $(stage "$out/maven.log" "Read [0-9]+ servers"); rules $(stage "$out/maven.log" "Ran [0-9]+ rules"); $writes")
    details+=("$name outputs: ${outputs%; }")
    grep -E "left out" "$out/maven.log" | sed -E "s/^\[INFO\] /$name: /" >> "$out/left-out.txt" || true
    [ -s "$out/left-out.txt" ] && while read -r line; do details+=("$line"); done < "$out/left-out.txt"
  done
done

# 5. The audit once compiled, on each inventory of the last size: the goal runs three times in one Maven run, after the
#    plugin's help goal, which sets the plugin up (resolves its dependencies, loads its components) for all three. The
#    first audit pays for compiling its code while it runs; the faster of the other two costs about what the audit's own
#    work does. The difference, taken off the audit's median run, gives what a run would take if the JVM had nothing
#    left to compile or load: how far the design is from the floor, apart from the compiler. Each goal's time runs from
#    its header line to its summary line, by the log's timestamps.
goal_seconds() { # log
  awk '
    function at(time, parts) { split(time, parts, ":"); return parts[1] * 3600 + parts[2] * 60 + parts[3] }
    /--- cloud-audit:.*:audit / { start = at($1) }
    / Cloud audit / && start != "" { t = at($1) - start; if (t < 0) t += 86400; printf "%.1f\n", t; start = "" }
  ' "$1"
}
# Each time's figure for a stage of the goal, from a log of several runs: "5.1/3.1/3.0".
stage_times() { # log, pattern
  { grep -E "$2" "$1" || true; } | sed -E 's/.* in ([0-9.]+) s.*/\1/' | paste -sd '/' -
}
largest="${sizes[${#sizes[@]} - 1]}"
for input in "${inputs[@]}"; do
  name="$input-$largest"
  [ -n "${run_median[$name]:-}" ] || continue
  out="$work/results/$name/compiled"
  log="$out/maven.log"
  rm -rf "$out" && mkdir -p "$out/report"
  echo "Running the audit three times in one Maven run on $name ..."
  if ! (cd "$out" && MAVEN_OPTS="-Xmx$heap" "$root/mvnw" "${mvn_args[@]}" -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
      "$plugin:help" "$plugin:audit" "$plugin:audit" "$plugin:audit" \
      -Dcloudaudit.inventory="$work/inventories/$name" -Dcloudaudit.auditDate="$audit_date" \
      -Dcloudaudit.failOnSeverity=NONE -Dcloudaudit.formats="$formats" -Dcloudaudit.outputDirectory="$out/report" \
      > "$log" 2>&1); then
    failed=1
    details+=("$name: the audit three times in one Maven run FAILED, see $log")
    continue
  fi
  mapfile -t goals < <(goal_seconds "$log")
  if [ "${#goals[@]}" -ne 3 ]; then
    failed=1
    details+=("$name: ${#goals[@]} of the three audits could be timed from $log")
    continue
  fi
  compiled=$(printf '%s\n' "${goals[@]:1}" | sort -g | head -n 1)
  estimate=$(awk -v r="${run_median[$name]}" -v first="${goals[0]}" -v compiled="$compiled" \
    'BEGIN { printf "%.1f", r - first + compiled }')
  estimate_ratio=$(awk -v e="$estimate" -v f="${floor_of[$name]}" 'BEGIN { printf "%.1f", e / f }')
  details+=("$name, the goal three times in one Maven run: $(IFS=/; echo "${goals[*]}") s (read \
$(stage_times "$log" "Read [0-9]+ servers") s, rules $(stage_times "$log" "Ran [0-9]+ rules") s, reports \
$(stage_times "$log" "Wrote [0-9]+ report") s); with the goal as fast as its fastest later time, the run would take \
$estimate s, ${estimate_ratio}x the floor")
done

# 6. Where the rule phase's CPU goes, on the AWS CLI inventory of the last size (the largest by default): the rules
#    run three times in one JVM; the first run is what an audit pays, the others what the rules cost once compiled.
if [[ " ${inputs[*]} " == *" aws-cli "* ]]; then
  echo "Running the rules three times in one JVM on aws-cli-$largest ..."
  while read -r line; do details+=("aws-cli-$largest: $line"); done < <(java "-Xmx$heap" -cp "$classpath" \
    io.github.cloudaudit.benchmark.RulePhase "$work/inventories/aws-cli-$largest" 3)
fi

{
  echo "Cloud audit benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) CPUs (load average $(cut -d' ' -f1-3 /proc/loadavg)),"
  echo "Maven heap -Xmx$heap, formats $formats, $(java -version 2>&1 | head -n 1)"
  echo "Times are medians of $runs runs (min-max in brackets), floors and audits taking turns; peak heap is the largest"
  echo "of the runs; stage times, outputs and max RSS are from the last run."
  echo
  echo "| inventory | servers | input MB | run s | run CPU s | floor: minimal plugin s | floor: token scan s | floor s | run / floor | peak heap | max RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  printf -- '- %s\n' "${details[@]}"
} | tee "$work/results.txt"
exit "$failed"
