package io.dataplatform.testing.internal.compute;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads a job's classes from its jars before the test's classpath, as a cluster would (where the jar is
 * the only copy), so the bytes uploaded to the fake S3 are the ones that run even when the same class is
 * on the test's classpath. The JDK, Scala, Spark, Hadoop, the AWS SDK, SLF4J and sdk-spark's API stay the
 * parent's: the job and the runner must share {@code SparkJob} and {@code SparkSession}.
 */
final class ChildFirstClassLoader extends URLClassLoader {
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "scala.",
            "org.apache.spark.", "org.apache.hadoop.", "io.dataplatform.spark.", "org.slf4j.", "software.amazon.awssdk.",
            "com.fasterxml.jackson.");

    static {
        registerAsParallelCapable();
    }

    ChildFirstClassLoader(URL[] jars, ClassLoader parent) {
        super("fake-cluster-job", jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && SHARED.stream().noneMatch(name::startsWith)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInJars) {
                    // not in the job's jars: the parent's
                }
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
