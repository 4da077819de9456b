package org.dataembassy.portal.shared;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, validated against the JDK's list; and the English names people read beside
 * codes ({@link #label}: "Estonia (EE)"). The user-assigned codes (AA, QM to QZ, XA to XZ, ZZ), which denote no
 * country and serve fictional test agreements, are named "test state XA".
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

    /** Every ISO 3166-1 alpha-2 code the JDK knows, sorted by code. */
    public static List<String> all() {
        return ISO.stream().sorted().toList();
    }

    /** True for the codes ISO 3166 leaves to users: AA, QM to QZ, XA to XZ and ZZ. */
    public static boolean isUserAssigned(String code) {
        return code != null && code.matches("AA|Q[M-Z]|X[A-Z]|ZZ");
    }

    /**
     * The English name of a code: "Estonia" for EE, "test state XA" for a user-assigned code; the code itself for
     * anything else (an empty text for null).
     */
    public static String displayName(String code) {
        if (code == null) {
            return "";
        }
        if (isUserAssigned(code)) {
            return "test state " + code;
        }
        if (!ISO.contains(code)) {
            return code;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** Name and code, as shown wherever a party's code is: "Estonia (EE)", "test state XA (XA)"; "" for blank. */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = displayName(code);
        return name.equals(code) ? code : name + " (" + code + ")";
    }

    /** The English name of this country. */
    public String displayName() {
        return displayName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
