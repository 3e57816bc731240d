package io.dataplatform.glue;

import io.dataplatform.glue.internal.GlueNames;

/**
 * One column of a table or one partition key.
 *
 * @param name    the column name: 1-255 characters of lowercase letters, digits and '_'
 * @param type    the column type
 * @param comment a comment, empty when there is none
 */
public record Column(String name, GlueType type, String comment) {

    /** Validates the name and requires a type; a null comment becomes empty. */
    public Column {
        GlueNames.checkColumn(name);
        if (type == null) {
            throw new IllegalArgumentException("type of column '" + name + "' must not be null");
        }
        comment = comment == null ? "" : comment;
    }

    /** Returns a column without a comment. */
    public static Column of(String name, GlueType type) {
        return new Column(name, type, "");
    }
}
