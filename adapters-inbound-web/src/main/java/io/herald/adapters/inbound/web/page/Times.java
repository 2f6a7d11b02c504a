package io.herald.adapters.inbound.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: UTC, to the second, and how long ago. */
public final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String shown(Instant at) {
        return SHOWN.format(at) + " UTC";
    }

    /** Within a message's timeline, milliseconds matter: the steps of one delivery are milliseconds apart. */
    public static String precise(Instant at) {
        return PRECISE.format(at);
    }

    public static String ago(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        if (age.isNegative()) {
            return "in " + span(age.negated());
        }
        return span(age) + " ago";
    }

    private static String span(Duration age) {
        if (age.toSeconds() < 60) {
            return age.toSeconds() + " s";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h";
        }
        return age.toDays() + " days";
    }
}
