package io.dataplatform.glue;

import java.time.Instant;

/**
 * A catalog database.
 *
 * @param name        the database name
 * @param description the description, empty if none
 * @param locationUri the default location of its tables, empty if none
 * @param createTime  when it was created
 */
public record DatabaseInfo(String name, String description, String locationUri, Instant createTime) {
}
