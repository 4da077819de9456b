package org.dataembassy.portal.agreements;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The decision entry points of the treaty rules; {@link #path()} is the OPA package as a path. {@link #DUTIES} answers
 * which duties an agreement owes on a date (terms of schema_version 2; none for the seeds' terms).
 */
public enum EntryPoint {
    ONBOARDING,
    TRANSFER,
    JURISDICTION,
    ACTIVATION,
    DUTIES;

    /** Lower-case name as used in URLs and the policy package, e.g. {@code onboarding}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String path() {
        return "dataembassy/" + key();
    }

    /** The entry point named by {@code key} (exact lower-case match), or empty. */
    public static Optional<EntryPoint> fromKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key().equals(key)).findFirst();
    }
}
