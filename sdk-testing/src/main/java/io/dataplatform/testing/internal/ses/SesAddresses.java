package io.dataplatform.testing.internal.ses;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the fake SES reads addresses ({@code local@domain}, optionally {@code Display Name <local@domain>}):
 * its own reading, not the SDK client's, so a mistake in the client's parser cannot hide in the fake.
 */
final class SesAddresses {
    private static final Pattern NAMED = Pattern.compile("^\\s*(.*?)\\s*<([^<>]+)>\\s*$");
    /** SES takes only 7-bit ASCII local parts; the domain may be an IDN only in punycode. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private SesAddresses() {
    }

    /** Returns {@code value} if it is a valid address (with or without display name); fails naming the field. */
    static String check(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0, "Invalid %s address '%s': must be one line",
                field, value);
        String address = address(value);
        require(ADDRESS.matcher(address).matches(),
                "Invalid %s address '%s': must be local@domain (ASCII; a domain with a dot), optionally as 'Name <local@domain>'",
                field, value);
        return value.strip();
    }

    /** Returns the bare address of {@code value}: {@code b@x.org} for {@code "Bob <b@x.org>"}. */
    static String address(String value) {
        Matcher named = NAMED.matcher(value);
        return (named.matches() ? named.group(2) : value).strip();
    }

    /** Returns the display name of {@code value}, or empty. */
    static String displayName(String value) {
        Matcher named = NAMED.matcher(value);
        if (!named.matches()) {
            return "";
        }
        String name = named.group(1).strip();
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    /** Returns the domain of {@code value}'s address, lower case. */
    static String domain(String value) {
        String address = address(value);
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
