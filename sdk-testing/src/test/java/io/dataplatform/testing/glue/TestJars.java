package io.dataplatform.testing.glue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Jars for job classes that a test run loads from a classes folder (as Maven's test phase does): EMR
 * and Glue run jars, so a test packs the folder as 'mvn package' would.
 */
final class TestJars {
    private TestJars() {
    }

    /** Returns the jar {@code type} was loaded from, or a jar packed from its classes folder. */
    static Path jarOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? pack(location, null) : location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a jar holding only {@code types} (and their nested classes), from their classes folder. */
    static Path jarOfClasses(Class<?>... types) {
        try {
            Path root = Path.of(types[0].getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> prefixes = Stream.of(types).map(t -> t.getName().replace('.', '/')).toList();
            return pack(root, prefixes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pack(Path root, List<String> prefixes) {
        try {
            Path jar = Files.createTempFile("test-job-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (prefixes != null && prefixes.stream().noneMatch(p -> name.equals(p + ".class")
                            || name.startsWith(p + "$"))) {
                        continue;
                    }
                    JarEntry entry = new JarEntry(name);
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
