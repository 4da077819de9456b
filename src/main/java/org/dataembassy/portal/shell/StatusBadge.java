package org.dataembassy.portal.shell;

import com.vaadin.flow.component.html.Span;

/**
 * The one look of a status in the portal: Lumo's badge theme in a tone that says whether the state is good, bad,
 * grave or neutral. Views choose the tone from their own statuses; the words stay theirs.
 */
public final class StatusBadge {

    /** How a status reads at a glance. */
    public enum Tone {
        /** In progress or informational. */
        NEUTRAL("badge"),
        /** Done as hoped: completed, active, verified. */
        SUCCESS("badge success"),
        /** Refused, failed or breached. */
        ERROR("badge error"),
        /** Grave and current: an emergency in force, the portal degraded. */
        ALERT("badge error primary"),
        /** Closed without effect: denied or rejected where that is an ordinary outcome. */
        MUTED("badge contrast");

        private final String theme;

        Tone(String theme) {
            this.theme = theme;
        }
    }

    private StatusBadge() {
    }

    /** A badge showing {@code text} in {@code tone}. */
    public static Span of(String text, Tone tone) {
        Span badge = new Span();
        show(badge, text, tone);
        return badge;
    }

    /** A badge with an id, for tests and links to find it. */
    public static Span of(String text, Tone tone, String id) {
        Span badge = of(text, tone);
        badge.setId(id);
        return badge;
    }

    /** Turns an existing span into the badge for {@code text} in {@code tone} (a badge a live page updates). */
    public static void show(Span badge, String text, Tone tone) {
        badge.setText(text);
        badge.getElement().getThemeList().clear();
        badge.getElement().getThemeList().add(tone.theme);
    }
}
