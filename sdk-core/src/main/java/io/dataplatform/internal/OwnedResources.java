package io.dataplatform.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a platform created itself and must close; clients handed in are never added here. */
final class OwnedResources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedResources.class);
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    synchronized <T extends AutoCloseable> T add(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("This DataPlatform is closed; build a new one");
        }
        resources.push(resource);
        return resource;
    }

    <T extends ExecutorService> T add(T executor) {
        add((AutoCloseable) executor::shutdownNow);
        return executor;
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", resource, e.toString());
        }
    }
}
