package io.dataplatform.testing.internal.glue;

import java.util.Map;

/**
 * Glue's limits on a resource's tags (API_CreateDatabase, API_CreateJob, API_CreateCrawler: at most 50
 * entries, keys of 1-128 characters, values of at most 256). The fake keeps or drops tags without their
 * changing any answer, so it checks them as Glue does rather than accept what Glue refuses.
 */
final class GlueTags {
    private GlueTags() {
    }

    static void check(Map<String, String> tags, GlueErrors errors) {
        if (tags == null) {
            return;
        }
        if (tags.size() > 50) {
            throw errors.invalid("1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must "
                    + "have length less than or equal to 50");
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw errors.invalid("1 validation error detected: Value '" + key + "' at 'tags' failed to satisfy "
                        + "constraint: Map keys must satisfy constraint: [Member must have length between 1 and 128]");
            }
            if (value != null && value.length() > 256) {
                throw errors.invalid("1 validation error detected: Value '" + value + "' at 'tags' failed to satisfy "
                        + "constraint: Map values must satisfy constraint: [Member must have length less than or equal to 256]");
            }
        });
    }
}
