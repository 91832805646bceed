#!/usr/bin/env bash
# Benchmarks the packaged plugin on synthetic inventories of 10,000 and 100,000 servers, in the AWS CLI and the
# normalized format, running the audit goal through the Maven wrapper as a user would. See docs/benchmarks.md.
#
# Environment (all optional):
#   BENCHMARK_SIZES  server counts to measure, default "10000 100000"
#   BENCHMARK_HEAP   maximum heap of the Maven JVM, default 1g
#   MAVEN_REPO       local Maven repository to install into and run from, default Maven's own (~/.m2/repository)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=0.1.0-SNAPSHOT
plugin="io.github.cloudaudit:cloud-audit-maven-plugin:$version"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jar="$repo/io/github/cloudaudit/cloud-audit-maven-plugin/$version/cloud-audit-maven-plugin-$version.jar"
mvn_args=(-q -B)
if [ -n "${MAVEN_REPO:-}" ]; then
  mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO")
fi
work="$root/target/benchmark"
read -r -a sizes <<< "${BENCHMARK_SIZES:-10000 100000}"
formats=(aws-cli normalized)
heap="${BENCHMARK_HEAP:-1g}"
audit_date=2026-11-23
mkdir -p "$work/inventories" "$work/results"
if [ ! -x /usr/bin/time ]; then
  echo "benchmark/run.sh needs GNU time at /usr/bin/time to measure memory (Debian/Ubuntu: apt-get install time)" >&2
  exit 2
fi

# 1. The plugin under test is the installed one: install it when it is missing or older than its sources.
if [ ! -f "$jar" ] || [ -n "$(find pom.xml plugin/pom.xml plugin/src/main report-templates -type f -newer "$jar" -print -quit)" ]; then
  echo "Installing the plugin (missing or older than its sources) ..."
  ./mvnw "${mvn_args[@]}" install -DskipTests -pl report-templates,plugin -am
fi

# 2. Inventories are generated once and reused; a marker file tells a finished folder from an interrupted one.
classpath=""
generator_classpath() {
  if [ -z "$classpath" ]; then
    echo "Compiling the inventory generator ..."
    # Each module writes its own target/generator-classpath.txt; the plugin's is the one needed.
    ./mvnw "${mvn_args[@]}" -pl report-templates,plugin test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/generator-classpath.txt -Dmdep.includeScope=test
    classpath="$root/plugin/target/test-classes:$root/plugin/target/classes:$(cat plugin/target/generator-classpath.txt)"
  fi
}
for size in "${sizes[@]}"; do
  for format in "${formats[@]}"; do
    dir="$work/inventories/$format-$size"
    if [ ! -f "$dir.complete" ]; then
      generator_classpath
      rm -rf "$dir"
      java -Xmx256m -cp "$classpath" io.github.cloudaudit.benchmark.SyntheticInventory "$dir" "$size" "$format"
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

# 3. One audit per inventory: the whole Maven run is timed, as a user would wait for it.
header=$(printf "%-22s %-10s %8s %9s %8s %10s %10s %10s" \
  inventory format servers "input MB" seconds "servers/s" "peak heap" "max RSS")
rows=()
failed=0
for size in "${sizes[@]}"; do
  for format in "${formats[@]}"; do
    name="$format-$size"
    dir="$work/inventories/$name"
    out="$work/results/$name"
    rm -rf "$out" && mkdir -p "$out"
    input_mb=$(du -sb "$dir" | awk '{ printf "%.1f", $1 / 1e6 }')
    echo "Auditing $name ($input_mb MB) ..."
    start=$(date +%s.%N)
    status=0
    # The goal runs in an empty folder, so no project is loaded: the plugin needs none.
    (cd "$out" && MAVEN_OPTS="-Xmx$heap -Xlog:gc,gc+heap+exit:file=$out/gc.log" \
      /usr/bin/time -v -o "$out/time.txt" "$root/mvnw" "${mvn_args[@]}" "$plugin:audit" \
        -Dcloudaudit.inventory="$dir" -Dcloudaudit.auditDate="$audit_date" -Dcloudaudit.failOnSeverity=NONE \
        -Dcloudaudit.formats=json -Dcloudaudit.outputDirectory="$out/report" > "$out/maven.log" 2>&1) || status=$?
    end=$(date +%s.%N)
    if [ "$status" -ne 0 ]; then
      failed=1
      echo "  FAILED (exit $status); last lines of $out/maven.log:"
      tail -n 15 "$out/maven.log" | sed 's/^/    /'
      rows+=("$(printf "%-22s %-10s %8s %9s %8s  FAILED, see %s" "$name" "$format" "$size" "$input_mb" "-" "$out/maven.log")")
      continue
    fi
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
    rate=$(awk -v n="$size" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')
    heap_mb=$(peak_heap_mb "$out/gc.log")
    rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/time.txt")
    rows+=("$(printf "%-22s %-10s %8s %9s %8s %10s %7s MB %7s MB" \
      "$name" "$format" "$size" "$input_mb" "$seconds" "$rate" "$heap_mb" "$rss_mb")")
  done
done

{
  echo "Cloud audit benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) CPUs, Maven heap -Xmx$heap,"
  echo "$(java -version 2>&1 | head -n 1)"
  echo
  echo "$header"
  printf '%s\n' "${rows[@]}"
} | tee "$work/results.txt"
exit "$failed"
