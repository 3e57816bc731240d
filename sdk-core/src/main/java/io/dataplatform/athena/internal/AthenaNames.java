package io.dataplatform.athena.internal;

import io.dataplatform.internal.Checks;
import java.util.regex.Pattern;

/** Athena's naming and size rules, checked before any call. */
final class AthenaNames {
    /** StartQueryExecution's QueryString limit. */
    static final int MAX_SQL_LENGTH = 262_144;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9_]{1,255}");
    private static final Pattern WORKGROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern CATALOG = Pattern.compile("[a-zA-Z0-9@_-]{1,127}");

    private AthenaNames() {
    }

    static String sql(String sql) {
        Checks.notNull(sql, "sql");
        Checks.require(!sql.isBlank() && sql.length() <= MAX_SQL_LENGTH,
                "sql must be 1-%s characters and not blank, but was %s characters", MAX_SQL_LENGTH, sql.length());
        return sql;
    }

    /** Database and table names: Athena reads only lowercase letters, digits and underscores. */
    static String identifier(String name, String what) {
        Checks.notNull(name, what + " name");
        Checks.require(IDENTIFIER.matcher(name).matches(),
                "Invalid %s name '%s': must be 1-255 characters of lowercase letters, digits and '_'", what, name);
        return name;
    }

    static String workgroup(String name) {
        Checks.notNull(name, "workgroup name");
        Checks.require(WORKGROUP.matcher(name).matches(),
                "Invalid workgroup name '%s': must be 1-128 characters of letters, digits, '.', '_' and '-'", name);
        return name;
    }

    static String catalog(String name) {
        Checks.notNull(name, "catalog name");
        Checks.require(CATALOG.matcher(name).matches(),
                "Invalid catalog name '%s': must be 1-127 characters of letters, digits, '@', '_' and '-'", name);
        return name;
    }
}
