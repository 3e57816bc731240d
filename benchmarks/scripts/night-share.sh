#!/usr/bin/env bash
# The sample's night on FakeAws end to end, and the share of it spent in Spark (issue 11's benchmark).
# Runs the sample's main in fresh JVMs, with the SDK's Spark runner logging each run's duration, and prints
# a table: whole run, time inside Spark jobs (LocalSparkRunner's own "in N ms"), and Spark's start.
# Usage, after `mvn -B -q -pl samples -am package -DskipTests` and `mvn -B -q install -DskipTests`
# (for the classpath): benchmarks/scripts/night-share.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
mvn -B -q -o dependency:build-classpath -pl samples -Dmdep.outputFile="$PWD/target/night-cp.txt" -Dmdep.includeScope=runtime >/dev/null
jar=$(ls samples/target/dataplatform-samples-*.jar | head -1)
cp="$jar:$(cat target/night-cp.txt)"
# The JVM options the build gives Spark (the parent pom's spark.jvm.options).
opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' pom.xml)
# Spark's own start (the shared local session), timed in a fresh JVM of its own with the same classpath.
mkdir -p target
cat > target/SparkStart.java <<'JAVA'
public class SparkStart {
    public static void main(String[] args) {
        long start = System.nanoTime();
        io.dataplatform.spark.LocalSpark.session();
        System.out.println((System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }
}
JAVA
spark_start_ms=$(java $opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" target/SparkStart.java 2>/dev/null | tail -1)
printf '| run | whole sample (s) | Spark start (s) | inside Spark jobs (s) | share in Spark | Spark runs |\n|---|---:|---:|---:|---:|---:|\n'
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  out=$(java -Xss4m $opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -Dorg.slf4j.simpleLogger.log.io.dataplatform.spark.LocalSparkRunner=info \
        -Dsample.jar="$jar" -cp "$cp" io.dataplatform.samples.SalesPipeline 2>&1)
  end=$(date +%s%N)
  spark_ms=$(printf '%s\n' "$out" | grep -o 'in [0-9]* ms' | awk '{s+=$2} END {print s+0}')
  n=$(printf '%s\n' "$out" | grep -c 'in [0-9]* ms' || true)
  whole_ms=$(( (end - start) / 1000000 ))
  awk -v i="$i" -v w="$whole_ms" -v s="$spark_ms" -v n="$n" -v st="$spark_start_ms" \
      'BEGIN {printf "| %d | %.1f | %.1f | %.1f | %.0f%% | %d |\n", i, w/1000, st/1000, s/1000, 100*(s+st)/w, n}'
done
