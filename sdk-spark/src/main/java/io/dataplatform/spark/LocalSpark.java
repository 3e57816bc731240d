package io.dataplatform.spark;

import io.dataplatform.spark.internal.SharedSpark;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The local Spark session of this JVM: {@code local[2]}, four shuffle partitions, no UI, the
 * in-memory catalog (no Hive, no Derby), a temporary warehouse, UTC, and {@code s3://} and
 * {@code s3a://} served by the SDK's file system over an {@code S3Client}. It starts on the first
 * call to {@link #session()} (or the first run of a {@link LocalSparkRunner}), never before, and
 * is shared by everything in the JVM after that, because Spark allows one context per JVM.
 *
 * <p>Give the JVM {@link #jvmOptions()} (on Java 17 and 25; the SDK's build passes them to its tests).
 * Without them Spark starts and runs jobs, but turning DATE or TIMESTAMP values into Java objects on
 * the driver (collecting rows, {@code Dataset.as(..)}) fails with an {@code IllegalAccessException}
 * on {@code sun.util.calendar.ZoneInfo}; the SDK logs a warning when Spark starts without them.
 */
public final class LocalSpark {
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private LocalSpark() {
    }

    /**
     * Returns the shared session, starting it if needed. Work that sets SQL options or temporary
     * views should use {@code session().newSession()}, which shares the context but not those.
     */
    public static SparkSession session() {
        return SharedSpark.get().session();
    }

    /**
     * Returns the JVM options Spark 4 needs on Java 17 (the list Spark's own launcher adds), for a
     * JVM the SDK's build does not start, such as an application's or an IDE's run configuration.
     */
    public static List<String> jvmOptions() {
        return JVM_OPTIONS;
    }
}
