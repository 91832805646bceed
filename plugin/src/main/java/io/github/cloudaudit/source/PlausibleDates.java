package io.github.cloudaudit.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of dates in inventories. Clouds print ISO-8601 ({@code 2024-01-31T12:00:00.000Z},
 * {@code 2024-01-31T12:00:00+00:00}, Azure also without offset, or a plain date). Anything else is an error, and so
 * is a date outside what a server's history can hold: no cloud ran servers before {@value #EARLIEST_YEAR}, and a
 * date more than a year after the audit date is a typo or a forgery. Without this, a launch date of year 99999 made
 * a server look brand new and silently hid it from the stale-server rule.
 */
public final class PlausibleDates {

    static final int EARLIEST_YEAR = 1990;
    private static final LocalDate EARLIEST = LocalDate.of(EARLIEST_YEAR, 1, 1);

    private final LocalDate latest;

    public PlausibleDates(LocalDate auditDate) {
        this.latest = auditDate.plusYears(1);
    }

    /**
     * The UTC day of an ISO-8601 date-time or date.
     *
     * @param field names the field in the error, e.g. {@code Reservations[0].Instances[2].LaunchTime}
     * @throws IllegalArgumentException with a message naming the field and what was expected
     */
    public LocalDate parse(String field, String text) {
        return parse(() -> field, text);
    }

    /** As {@link #parse(String, String)}, with the field's name spelled out only for an error. */
    public LocalDate parse(Supplier<String> field, String text) {
        LocalDate day = parseIso(text);
        if (day == null) {
            throw new IllegalArgumentException("expected " + field.get()
                    + " to be an ISO-8601 timestamp such as 2024-01-31T12:00:00Z, found '" + text + "'");
        }
        if (!plausible(day)) {
            throw outOfRange(field.get(), day);
        }
        return day;
    }

    /** The day itself when plausible. @throws IllegalArgumentException naming the field and the allowed range */
    public LocalDate check(String field, LocalDate day) {
        if (day != null && !plausible(day)) {
            throw outOfRange(field, day);
        }
        return day;
    }

    private boolean plausible(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(latest);
    }

    private IllegalArgumentException outOfRange(String field, LocalDate day) {
        return new IllegalArgumentException("expected " + field + " to lie between " + EARLIEST + " and " + latest
                + " (a year after the audit date), found " + day);
    }

    /** The error for a value that is not text at all, e.g. a number where a timestamp belongs. */
    public static String notText(String field, String found) {
        return "expected " + field + " to be an ISO-8601 timestamp such as 2024-01-31T12:00:00Z, found " + found;
    }

    /**
     * The shape almost every timestamp in an export has, a UTC time such as {@code 2018-03-01T10:00:00.000Z}: its day
     * is read straight from the digits, which is many times faster than the general parser (hundreds of thousands
     * of timestamps in a large export). Anything else goes to the general parser.
     */
    private static final Pattern UTC_TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|\\+00:00)");

    private static LocalDate parseIso(String text) {
        Matcher utc = UTC_TIMESTAMP.matcher(text);
        if (utc.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(utc.group(1)), Integer.parseInt(utc.group(2)),
                        Integer.parseInt(utc.group(3)));
            } catch (DateTimeException noSuchDay) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }
}
