package org.dataembassy.portal.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period a treaty states (an ISO 8601 duration as the terms write it): {@code P12M}, {@code P2Y}, {@code P180D},
 * {@code P2W}, {@code PT24H}, {@code P1DT12H}, {@code PT30M}. The one parser of periods for the terms validators,
 * the activation notice and the obligations' reminders, so all three read a period alike. Fractions, seconds, signs
 * and lower case are not periods a treaty writes and are refused.
 *
 * <p>Calendar parts (years, months, weeks, days) are counted on the UTC calendar, as the rules count them
 * ({@code time.add_date}); hours and minutes as elapsed time.
 */
public record TreatyPeriod(int years, int months, int weeks, int days, int hours, int minutes) {

    /** The grammar the terms' JSON Schema states for {@code duration} (at least one part; {@code T} needs a part). */
    public static final Pattern PATTERN =
            Pattern.compile("P(?!$)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?)?");

    public TreatyPeriod {
        if (years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0) {
            throw new IllegalArgumentException("a treaty period has no negative part");
        }
    }

    /** The period {@code text} states, or empty when it is not one (null, blank, or outside {@link #PATTERN}). */
    public static Optional<TreatyPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TreatyPeriod(part(m, 1), part(m, 2), part(m, 3), part(m, 4), part(m, 5), part(m, 6)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** True when the text is a period ({@link #parse} would answer one). */
    public static boolean isPeriod(String text) {
        return parse(text).isPresent();
    }

    /** True when the period is said in whole weeks, days and hours only (a notice period's unit). */
    public boolean inWeeksDaysAndHours() {
        return years == 0 && months == 0 && minutes == 0;
    }

    /** Its length in hours; only for periods {@link #inWeeksDaysAndHours() in weeks, days and hours}. */
    public int wholeHours() {
        if (!inWeeksDaysAndHours()) {
            throw new IllegalStateException("years, months and minutes are not whole hours: " + this);
        }
        return Math.toIntExact(weeks * 7L * 24 + days * 24L + hours);
    }

    /** The instant this period before {@code end}: calendar parts on the UTC calendar, then hours and minutes. */
    public Instant before(Instant end) {
        return end.atZone(ZoneOffset.UTC)
                .minusMonths(years * 12L + months).minusDays(weeks * 7L + days)
                .toInstant().minusSeconds(hours * 3600L + minutes * 60L);
    }

    private static int part(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
