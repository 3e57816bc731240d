#!/usr/bin/env bash
# Issue 13's table: runs WorldTargets with its fresh-JVM rows on the class path a test of the fakes has when
# its project depends on dataplatform-sdk-testing alone (sdk-testing's runtime dependencies, without its
# optional Athena engine): a JVM's cold start depends on how many jars it opens, and the benchmarks module's
# own class path (Spark, Hadoop, S3Mock: about 270 jars) is nothing a user of the fakes has. The ceiling runs
# on the same class path. The rows measured in this JVM (warm calls, large objects, Athena) use the full one.
# Usage: benchmarks/scripts/world-targets.sh [JVM options, e.g. -Dworld.rows=short]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl benchmarks -am package -DskipTests -Pbench
mvn -B -q -o -pl sdk-testing -am package -DskipTests dependency:build-classpath -DincludeScope=runtime \
    -DexcludeArtifactIds=dataplatform-sdk-athena-engine,duckdb_jdbc -Dmdep.outputFile=target/runtime-classpath.txt
child="$PWD/benchmarks/target/classes:$PWD/sdk-testing/target/classes:$(cat sdk-testing/target/runtime-classpath.txt)"
java -Dworld.classpath="$child" -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
    "$@" io.dataplatform.benchmarks.world.WorldTargets
