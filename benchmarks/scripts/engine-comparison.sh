#!/usr/bin/env bash
# Issue 9's engine comparison (EngineComparison). The fake Athena's first query runs in fresh JVMs on the
# class path of a project whose tests use dataplatform-sdk-testing with dataplatform-sdk-athena-engine
# (sdk-testing's runtime dependencies): a cold JVM's start depends on how many jars it opens, and the
# benchmarks module's own class path (Spark, Hadoop, S3Mock: about 270 jars) is nothing such a test has.
# Spark's first query runs on the benchmarks class path, which is the Spark a sdk-spark user has.
# Usage: benchmarks/scripts/engine-comparison.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl benchmarks -am package -DskipTests -Pbench
mvn -B -q -o -pl sdk-testing -am package -DskipTests dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/athena-classpath.txt
child="$PWD/benchmarks/target/classes:$PWD/sdk-testing/target/classes:$(cat sdk-testing/target/athena-classpath.txt)"
java -Dfirst-query.classpath="$child" -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
    io.dataplatform.benchmarks.athena.EngineComparison
