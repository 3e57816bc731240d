package io.dataplatform.testing.internal;

import io.dataplatform.DataPlatform;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link FakeAwsTest}. Worlds live in the JUnit {@link ExtensionContext.Store}
 * of the class (static fields) or of the test (parameters, instance fields), so they are closed
 * with their scope and never shared between tests by accident.
 */
public final class FakeAwsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeAwsExtension.class);
    private static final String CLASS_WORLD = "class-world";
    private static final String TEST_WORLD = "test-world";

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Field field : worldFields(context.getRequiredTestClass())) {
            if (Modifier.isStatic(field.getModifiers())) {
                inject(field, null, world(context, CLASS_WORLD));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Object instance = context.getRequiredTestInstance();
        for (Field field : worldFields(context.getRequiredTestClass())) {
            if (!Modifier.isStatic(field.getModifiers())) {
                inject(field, instance, world(context, TEST_WORLD));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeAws.class || type == DataPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // A parameter of a @BeforeAll method belongs to the class; of a test or @BeforeEach method, to the test.
        Worlds world = world(context, context.getTestMethod().isPresent() ? TEST_WORLD : CLASS_WORLD);
        return parameter.getParameter().getType() == FakeAws.class ? world.aws() : world.platform();
    }

    /**
     * Stores look values up in their parents too, so the class world and a test's world need keys of
     * their own, or every test would find the class's world.
     */
    private static Worlds world(ExtensionContext context, String scope) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(scope, k -> new Worlds(FakeAws.create()), Worlds.class);
    }

    private static java.util.List<Field> worldFields(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedFields(testClass, FakeAwsTest.World.class);
    }

    private static void inject(Field field, Object instance, Worlds world) {
        Object value;
        if (field.getType() == FakeAws.class) {
            value = world.aws();
        } else if (field.getType() == DataPlatform.class) {
            value = world.platform();
        } else {
            throw new ExtensionConfigurationException("@FakeAwsTest.World field '" + field.getName()
                    + "' must be of type FakeAws or DataPlatform, but is " + field.getType().getName());
        }
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("Cannot set @FakeAwsTest.World field '" + field.getName() + "'", e);
        }
    }

    /** One world and the platform over it; JUnit closes AutoCloseable store values when their scope ends. */
    private static final class Worlds implements AutoCloseable {
        private final FakeAws aws;
        private DataPlatform platform;

        Worlds(FakeAws aws) {
            this.aws = aws;
        }

        FakeAws aws() {
            return aws;
        }

        synchronized DataPlatform platform() {
            if (platform == null) {
                platform = aws.dataPlatform();
            }
            return platform;
        }

        @Override
        public synchronized void close() {
            if (platform != null) {
                platform.close();
            }
            aws.close();
        }
    }
}
