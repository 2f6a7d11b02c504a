package io.herald.adapters.inbound.rest.automation;

import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Courier's run list bounds: an ISO-8601 date ({@code 2026-08-18}, a UTC day) or date-time
 * ({@code 2026-08-18T20:06:36.259Z}), both bounds inclusive. Run ids keep milliseconds, so an inclusive end is the
 * millisecond after it.
 */
final class RunDates {

    private RunDates() {
    }

    static Instant startOf(String text, String parameter) {
        return parse(text, parameter, false);
    }

    /** The first instant after the inclusive bound. */
    static Instant afterEndOf(String text, String parameter) {
        return parse(text, parameter, true);
    }

    private static Instant parse(String text, String parameter, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant at = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
            return end ? at.plusMillis(1) : at;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(parameter + " '" + text + "' is not an ISO-8601 date (2026-08-18) or date-time (2026-08-18T20:06:36.259Z)");
        }
    }
}
