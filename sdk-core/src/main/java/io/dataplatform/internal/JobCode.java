package io.dataplatform.internal;

import io.dataplatform.DataPlatformException;
import io.dataplatform.ResourceNotFoundException;
import io.dataplatform.s3.S3Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The code of a job as EMR and Glue run it: the jar that holds the job's class, read once, named
 * by the SHA-256 of its bytes so that an unchanged jar is uploaded once. Shared by EMR steps and
 * Glue jobs. Works without Spark on the classpath: whether a class is a {@code SparkJob} is checked
 * by the interface's name.
 *
 * <pre>{@code
 * JobCode code = JobCode.of(CleanSales.class);                       // fails for a class in target/classes
 * S3Location jar = code.upload(s3, invoker, S3Location.parse("s3://acme-code/jobs/"));
 * // s3://acme-code/jobs/<sha256>/clean-sales-1.0.jar
 * }</pre>
 */
public final class JobCode {
    /** The name of sdk-spark's job interface. */
    public static final String SPARK_JOB = "io.dataplatform.spark.SparkJob";
    /** The name of sdk-spark's {@code spark-submit} main class, which runs a {@code SparkJob} named by its first argument. */
    public static final String SPARK_ENTRY_POINT = "io.dataplatform.spark.SparkJobMain";
    /** The artifact that holds {@link #SPARK_ENTRY_POINT}. */
    public static final String SPARK_ARTIFACT = "io.dataplatform:dataplatform-sdk-spark";

    private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

    private final String className;
    private final String fileName;
    private final byte[] bytes;
    private final String sha256;

    private JobCode(String className, String fileName, byte[] bytes) {
        this.className = className;
        this.fileName = fileName;
        this.bytes = bytes;
        this.sha256 = sha256(bytes);
    }

    /**
     * Returns the code of {@code jobClass}: the jar it was loaded from.
     *
     * @throws IllegalArgumentException if the class was loaded from a directory (an IDE's or Maven's
     *                                  classes folder) or has no code location, saying how to build the jar
     */
    public static JobCode of(Class<?> jobClass) {
        Checks.notNull(jobClass, "jobClass");
        Path location = location(jobClass);
        if (Files.isDirectory(location)) {
            throw new IllegalArgumentException("Job class " + jobClass.getName() + " was loaded from the directory "
                    + location + ", not from a jar: EMR and Glue run jars. Build the jar that holds "
                    + jobClass.getName() + " with 'mvn package' (it lands in target/) and run from that jar, or name it"
                    + " with JobCode.of(" + jobClass.getSimpleName() + ".class, Path.of(\"target/<artifact>.jar\"))");
        }
        return of(jobClass, location);
    }

    /**
     * Returns the code of {@code jobClass} from the jar at {@code jar}, for a class that is run from a
     * classes folder but built into a jar as well.
     *
     * @throws IllegalArgumentException if {@code jar} is not a readable jar holding {@code jobClass}
     */
    public static JobCode of(Class<?> jobClass, Path jar) {
        Checks.notNull(jobClass, "jobClass");
        Checks.notNull(jar, "jar");
        Checks.require(Files.isRegularFile(jar), "Invalid jar '%s' for job class %s: not a file", jar, jobClass.getName());
        String entry = entryName(jobClass.getName());
        try (JarFile file = new JarFile(jar.toFile())) {
            Checks.require(file.getEntry(entry) != null, "Invalid jar '%s': it holds no %s (entry %s); rebuild it with"
                    + " 'mvn package'", jar, jobClass.getName(), entry);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid jar '" + jar + "' for job class " + jobClass.getName()
                    + ": cannot be read as a jar (" + e.getMessage() + ")", e);
        }
        try {
            return new JobCode(jobClass.getName(), jar.getFileName().toString(), Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jar " + jar, e);
        }
    }

    /** Returns the code of the jar bytes {@code jar} named {@code fileName}, holding {@code className}. */
    public static JobCode ofBytes(String className, String fileName, byte[] jar) {
        Checks.notEmpty(className, "className");
        Checks.notEmpty(fileName, "fileName");
        Checks.notNull(jar, "jar");
        return new JobCode(className, fileName, jar.clone());
    }

    /**
     * Returns the code that runs {@code jobCode}'s class through {@link #SPARK_ENTRY_POINT} when the job's jar does
     * not hold it itself (an unshaded jar): the dataplatform-sdk-spark jar, to pass with {@code --jars}. When
     * sdk-spark was loaded from a directory (a build of the SDK itself), its classes are packed into a jar
     * whose bytes depend only on the classes, so it too is uploaded once. Empty if the job's jar holds the
     * entry point.
     *
     * @param loader the class loader the job class came from
     * @throws IllegalArgumentException if the entry point cannot be found, naming the artifact to add
     */
    public Optional<JobCode> sparkRuntime(ClassLoader loader) {
        if (contains(SPARK_ENTRY_POINT)) {
            return Optional.empty();
        }
        Class<?> entryPoint;
        try {
            entryPoint = Class.forName(SPARK_ENTRY_POINT, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Job class " + className + " cannot run as a Spark job: "
                    + SPARK_ENTRY_POINT + " is not on its classpath. Add the dependency " + SPARK_ARTIFACT, e);
        }
        Path location = location(entryPoint);
        if (Files.isDirectory(location)) {
            return Optional.of(new JobCode(SPARK_ENTRY_POINT, "dataplatform-sdk-spark.jar", packDirectory(location)));
        }
        return Optional.of(of(entryPoint, location));
    }

    /**
     * Returns the code of the jar {@code type} was loaded from, named {@code fileName} when that is a
     * classes folder (a build of the SDK itself), packed into a jar whose bytes depend only on the classes.
     */
    public static JobCode ofClassLocation(Class<?> type, String fileName) {
        Path location = location(Checks.notNull(type, "type"));
        if (Files.isDirectory(location)) {
            return new JobCode(type.getName(), fileName, packDirectory(location));
        }
        return of(type, location);
    }

    /** Returns true if {@code type} implements sdk-spark's {@code SparkJob}, checked by name (no Spark needed). */
    public static boolean isSparkJob(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (implementsByName(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implementsByName(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().equals(SPARK_JOB) || implementsByName(i)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the name of the job class. */
    public String className() {
        return className;
    }

    /** Returns the jar's file name, e.g. {@code clean-sales-1.0.jar}. */
    public String fileName() {
        return fileName;
    }

    /** Returns the hex SHA-256 of the jar's bytes. */
    public String sha256() {
        return sha256;
    }

    /** Returns the jar's size in bytes. */
    public long size() {
        return bytes.length;
    }

    /** Returns a copy of the jar's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns true if the jar has an entry for the class {@code name}. */
    public boolean contains(String name) {
        try (var in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(bytes))) {
            String entry = entryName(name);
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().equals(entry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jar " + fileName, e);
        }
    }

    /** Returns where {@link #upload} puts the jar below {@code prefix}: {@code prefix/<sha256>/<file name>}. */
    public S3Location location(S3Location prefix) {
        Checks.notNull(prefix, "prefix");
        return prefix.resolve(sha256 + "/" + fileName);
    }

    /**
     * Uploads the jar below {@code prefix} unless it is there already (a HEAD first: the key holds the
     * SHA-256, so an object at the key has these bytes), and returns its location.
     */
    public S3Location upload(S3Client s3, AwsInvoker invoker, S3Location prefix) {
        Checks.notNull(s3, "s3");
        Checks.notNull(invoker, "invoker");
        S3Location target = location(prefix);
        String resource = target.bucket() + "/" + target.key();
        try {
            invoker.call("HeadObject", resource, () -> s3.headObject(r -> r.bucket(target.bucket()).key(target.key())));
            return target;
        } catch (ResourceNotFoundException absent) {
            // not there yet: upload it (a missing bucket fails the PutObject with NoSuchBucket)
        }
        invoker.call("PutObject", resource, () -> s3.putObject(r -> r.bucket(target.bucket()).key(target.key())
                .contentType("application/java-archive")
                .checksumSHA256(java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
                RequestBody.fromBytes(bytes)));
        return target;
    }

    @Override
    public String toString() {
        return "JobCode{" + className + " in " + fileName + ", sha256=" + sha256 + ", " + bytes.length + " bytes}";
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            throw new IllegalArgumentException("Class " + type.getName() + " has no code location (a JDK or generated"
                    + " class?): a job class must come from a jar built with 'mvn package'");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalArgumentException("Class " + type.getName() + " was loaded from " + url
                    + ", which is not a local jar: a job class must come from a jar built with 'mvn package'", e);
        }
    }

    private static String entryName(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** Packs a classes directory into a jar whose bytes depend only on the files (sorted, fixed times). */
    private static byte[] packDirectory(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes directory " + root, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out)) {
            for (Path file : files) {
                JarEntry entry = new JarEntry(root.relativize(file).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FIXED_TIME);
                entry.setCreationTime(FIXED_TIME);
                entry.setLastAccessTime(FIXED_TIME);
                entry.setTime(0);
                jar.putNextEntry(entry);
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack the classes directory " + root, e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new DataPlatformException("SHA-256 is not available in this JVM", e);
        }
    }
}
