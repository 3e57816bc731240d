package io.dataplatform.testing.internal;

import io.dataplatform.testing.AwsService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkClient;

/**
 * Makes a fake answer every operation of its AWS client interface: what the fake overrides runs,
 * anything else fails like a service that lacks a feature (HTTP 501, error code
 * {@value #ERROR_CODE}, "FakeAws S3 does not implement PutBucketLifecycleConfiguration"), recorded in
 * the call log, instead of the interface default's message-less {@link UnsupportedOperationException}.
 *
 * <p>A dynamic proxy rather than a base class overriding every default: S3Client alone has more than
 * a hundred operations, each with overloads, and the SDK adds more with every release.
 */
public final class NotImplemented {
    /** The error code of the failure; S3's own code for a feature it does not implement. */
    public static final String ERROR_CODE = "NotImplemented";

    private final Class<?> api;
    private final Map<Method, String> unimplemented;

    private NotImplemented(Class<?> api, Map<Method, String> unimplemented) {
        this.api = api;
        this.unimplemented = Map.copyOf(unimplemented);
    }

    /**
     * Finds the operations of {@code api} that {@code fake} does not override. Every overload of an
     * operation (consumer builder, paginator, {@code getObjectAsBytes}, ...) shares its fate.
     */
    public static NotImplemented plan(Class<? extends SdkClient> api, Class<?> fake) {
        Map<Class<?>, Boolean> implementedByRequest = new HashMap<>();
        for (Method m : api.getMethods()) {
            Class<?> request = requestType(m).orElse(null);
            if (request != null && m.getParameterTypes()[0] == request && !m.getName().endsWith("Paginator")) {
                implementedByRequest.merge(request, overrides(fake, m), Boolean::logicalOr);
            }
        }
        Map<Method, String> unimplemented = new HashMap<>();
        for (Method m : api.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || overrides(fake, m)) {
                continue;
            }
            Optional<Class<?>> request = requestType(m).or(() -> noArgumentOperation(api, m));
            if (request.isPresent() && !implementedByRequest.getOrDefault(request.get(), false)) {
                String simple = request.get().getSimpleName();
                unimplemented.put(m, simple.substring(0, simple.length() - "Request".length()));
            }
        }
        return new NotImplemented(api, unimplemented);
    }

    /** Returns the names of the operations the fake does not implement, sorted. */
    public Set<String> operations() {
        return new TreeSet<>(unimplemented.values());
    }

    /**
     * Returns {@code fake} behind a proxy of the plan's interface whose unimplemented operations fail
     * through {@code calls} (recorded, faults applied) with {@code service}'s 501 error.
     */
    public <T> T wrap(T fake, AwsService service, ServiceCalls calls, String principal, ServiceErrors errors) {
        InvocationHandler handler = (proxy, method, args) -> {
            String operation = unimplemented.get(method);
            if (operation != null) {
                return calls.invoke(service, operation, principal, errors, () -> {
                    throw errors.error(501, ERROR_CODE, "FakeAws " + displayName(service) + " does not implement "
                            + operation);
                });
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "FakeAws " + api.getSimpleName();
                };
            }
            try {
                return method.invoke(fake, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        @SuppressWarnings("unchecked")
        T proxy = (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
        return proxy;
    }

    private static String displayName(AwsService service) {
        return switch (service) {
            case S3 -> "S3";
            case GLUE -> "Glue";
            case ATHENA -> "Athena";
            case EMR -> "EMR";
        };
    }

    private static boolean overrides(Class<?> fake, Method m) {
        try {
            return !fake.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The operation's request class, from an {@code XRequest} or {@code Consumer<XRequest.Builder>} first parameter. */
    private static Optional<Class<?>> requestType(Method m) {
        if (m.getParameterCount() == 0) {
            return Optional.empty();
        }
        Class<?> first = m.getParameterTypes()[0];
        if (first.getSimpleName().endsWith("Request") && first.getPackageName().endsWith(".model")) {
            return Optional.of(first);
        }
        Type generic = m.getGenericParameterTypes()[0];
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> builder
                && builder.getEnclosingClass() != null && builder.getEnclosingClass().getSimpleName().endsWith("Request")) {
            return Optional.of(builder.getEnclosingClass());
        }
        return Optional.empty();
    }

    /** {@code listBuckets()} and {@code listBucketsPaginator()} stand for the operation of the same name. */
    private static Optional<Class<?>> noArgumentOperation(Class<?> api, Method m) {
        if (m.getParameterCount() != 0) {
            return Optional.empty();
        }
        String name = m.getName().replaceFirst("Paginator$", "");
        return Arrays.stream(api.getMethods())
                .filter(o -> o.getName().equals(name) && o.getParameterCount() == 1)
                .map(NotImplemented::requestType).flatMap(Optional::stream).findFirst();
    }
}
