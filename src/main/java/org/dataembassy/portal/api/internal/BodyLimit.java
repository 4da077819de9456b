package org.dataembassy.portal.api.internal;

import java.util.Locale;

/** How the body limit is said in refusals: {@code 262,144 bytes (256 KiB)}. */
final class BodyLimit {

    private BodyLimit() {
    }

    static String describe(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        return bytes % 1024 == 0 ? exact + " (" + String.format(Locale.ROOT, "%,d", bytes / 1024) + " KiB)" : exact;
    }
}
