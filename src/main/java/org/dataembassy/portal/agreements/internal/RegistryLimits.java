package org.dataembassy.portal.agreements.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The lengths the registry's columns hold (db/migration V2: {@code title varchar(500)}, {@code change_note} and
 * {@code review_comment varchar(2000)}, terms, Rego and tests {@code varchar(1000000)}), checked before anything is
 * written, so an over-long value is a 400 naming the field and its limit instead of a database error.
 */
public final class RegistryLimits {

    public static final int TITLE = 500;
    public static final int TREATY_REFERENCE = 500;
    public static final int NOTE = 2000;
    public static final int SOURCE = 1_000_000;
    /** A rollback's change note is {@code "rollback to v<n>: " + reason}; the prefix takes at most 25 characters. */
    public static final int ROLLBACK_REASON = NOTE - 25;

    private RegistryLimits() {
    }

    public static String atMost(int characters) {
        return String.format(Locale.ROOT, "at most %,d characters", characters);
    }

    /** The draft's texts: terms, Rego and tests within their columns, the change note within 2,000 characters. */
    public static void requireDraft(DraftContent content) {
        Map<String, String> errors = new LinkedHashMap<>();
        length(errors, "termsJson", content.termsJson(), SOURCE);
        length(errors, "regoSource", content.regoSource(), SOURCE);
        length(errors, "testsSource", content.testsSource(), SOURCE);
        length(errors, "changeNote", content.changeNote() == null ? null : content.changeNote().strip(), NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A review comment, stripped; at most 2,000 characters. */
    public static String requireComment(String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.length() > NOTE) {
            throw InvalidInputException.of("comment", atMost(NOTE));
        }
        return text;
    }

    public static void requireRollbackReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the agreement is rolled back");
        }
        if (reason.strip().length() > ROLLBACK_REASON) {
            throw InvalidInputException.of("reason", atMost(ROLLBACK_REASON));
        }
    }

    public static void requireTreatyReference(String reference, Map<String, String> errors) {
        length(errors, "treatyReference", reference == null ? null : reference.strip(), TREATY_REFERENCE);
    }

    private static void length(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, atMost(max));
        }
    }
}
