package io.dataplatform.glue;

/**
 * What a crawler does when it finds a changed schema, and when the files of a table or partition it
 * created are gone. Glue's default is {@code UPDATE_IN_DATABASE} and {@code DEPRECATE_IN_DATABASE}.
 *
 * @param update what to do with a changed schema
 * @param delete what to do with a table or partition whose files disappeared
 */
public record SchemaChangePolicy(UpdateBehavior update, DeleteBehavior delete) {

    /** Requires both behaviours. */
    public SchemaChangePolicy {
        if (update == null || delete == null) {
            throw new IllegalArgumentException("update and delete behaviours must not be null");
        }
    }

    /** Returns Glue's default: update the table, deprecate what disappeared. */
    public static SchemaChangePolicy defaults() {
        return new SchemaChangePolicy(UpdateBehavior.UPDATE_IN_DATABASE, DeleteBehavior.DEPRECATE_IN_DATABASE);
    }

    /** Returns a policy. */
    public static SchemaChangePolicy of(UpdateBehavior update, DeleteBehavior delete) {
        return new SchemaChangePolicy(update, delete);
    }

    /** What a crawler does with a changed schema. */
    public enum UpdateBehavior {
        /** Only log the change; the table keeps its schema. */
        LOG,
        /** Update the table in the catalog. */
        UPDATE_IN_DATABASE
    }

    /** What a crawler does when the files of a table or partition disappear. */
    public enum DeleteBehavior {
        /** Only log it; the table stays. */
        LOG,
        /** Delete the table or partition from the catalog. */
        DELETE_FROM_DATABASE,
        /** Keep it but mark it deprecated (table property {@code DEPRECATED_BY_CRAWLER}). */
        DEPRECATE_IN_DATABASE
    }
}
