package org.dataembassy.portal.jurisdiction;

/** What started a jurisdiction review. */
public enum EventKind {
    CHANGE_OF_GOVERNMENT("Change of government in the host state"),
    NEW_LAW("New law in the host state"),
    SITE_INCIDENT("Incident at the site"),
    COURT_ORDER("Court order"),
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

    /** The kinds a legal officer may report (all but {@link #PERIODIC}). */
    public static java.util.List<EventKind> reportable() {
        return java.util.Arrays.stream(values()).filter(k -> k != PERIODIC).toList();
    }
}
