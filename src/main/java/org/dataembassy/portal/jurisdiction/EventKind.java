package org.dataembassy.portal.jurisdiction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What started a jurisdiction review. Every reported kind is also recorded as a fact of the host state's situation
 * ({@link #fact()}: the event kind the treaty rules' {@code host_events} clause names).
 */
public enum EventKind {
    CHANGE_OF_GOVERNMENT("Change of government in the host state"),
    NEW_LAW("New law in the host state"),
    SITE_INCIDENT("Incident at the site"),
    COURT_ORDER("Court order"),
    MARTIAL_LAW("Martial law in the host state"),
    STATE_OF_EMERGENCY("State of emergency in the host state"),
    ARMED_CONFLICT("Armed conflict involving the host state"),
    SEVERANCE_OF_RELATIONS("Severance of diplomatic relations"),
    OTHER("Other event"),
    /** Not reported by a person: the periodic review of an agreement in force. */
    PERIODIC("Periodic review");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The event kind as the treaty rules name it ({@code martial_law}). */
    public String fact() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds a legal officer may report (all but {@link #PERIODIC}). */
    public static List<EventKind> reportable() {
        return Arrays.stream(values()).filter(k -> k != PERIODIC).toList();
    }
}
