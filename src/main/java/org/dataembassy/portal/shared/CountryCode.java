package org.dataembassy.portal.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, validated against the JDK's list.
 *
 * @param value two upper-case letters, never null
 */
public record CountryCode(String value) {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || !ISO.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value == null ? null : value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
