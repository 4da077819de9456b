package org.dataembassy.portal.shared;

import java.util.regex.Pattern;

/**
 * Identifier of a replication site (the home site or an embassy).
 *
 * @param value lower-case letters, digits and dashes, 2 to 40 characters
 */
public record SiteId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public SiteId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a site id (a-z, 0-9, '-', 2-40 chars)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
