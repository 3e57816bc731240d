package io.dataplatform.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's complete examples (Java blocks with their imports) compile against the SDK as built:
 * a renamed method or a missing import in the README fails the build, not a reader.
 */
class ReadmeExamplesCompileTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    @Test
    void everyCompleteExample_compiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<JavaFileObject> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            String code = block.group(1);
            Matcher name = CLASS_NAME.matcher(code);
            if (code.contains("\nimport ") || code.startsWith("import ")) {
                assertThat(name.find()).as("a complete README example declares a class:%n%s", code).isTrue();
                sources.add(source(name.group(1), code));
            }
        }
        assertThat(sources).as("complete examples (with imports) in README.md").isNotEmpty();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"), null, sources).call();

        assertThat(compiled).as("README examples failed to compile:%n%s", errors).isTrue();
    }

    private static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
