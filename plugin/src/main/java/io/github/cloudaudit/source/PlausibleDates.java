package io.github.cloudaudit.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

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
    static LocalDate parseIso(String text) {
        return isUtcTimestamp(text) ? dayOf(text) : parseGeneral(text);
    }

    /**
     * The day of a plain ISO date such as {@code 2018-03-01}, read from its digits; null for any other text, and for a
     * day that does not exist, so that the general parser tells what is wrong with it.
     */
    public static LocalDate isoDate(String text) {
        return text.length() == "yyyy-MM-dd".length() && startsWithDate(text) ? dayOf(text) : null;
    }

    /** True when the text is at least ten characters long and starts with {@code yyyy-MM-dd} in digits. */
    private static boolean startsWithDate(String text) {
        return text.length() >= "yyyy-MM-dd".length() && digits(text, 0, 4) && text.charAt(4) == '-'
                && digits(text, 5, 7) && text.charAt(7) == '-' && digits(text, 8, 10);
    }

    /** The day of a text that starts with {@code yyyy-MM-dd} in digits; null when there is no such day. */
    private static LocalDate dayOf(String text) {
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, perhaps with 1 to 9 digits of a second, then {@code Z} or {@code +00:00}; checked
     * character by character, as a regular expression cost a twentieth of reading a large export.
     */
    static boolean isUtcTimestamp(String text) {
        int length = text.length();
        if (length < "yyyy-MM-ddTHH:mm:ssZ".length() || !startsWithDate(text) || text.charAt(10) != 'T'
                || !digits(text, 11, 13) || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':'
                || !digits(text, 17, 19)) {
            return false;
        }
        boolean validTime = number(text, 11, 13) <= 23 && text.charAt(14) <= '5' && text.charAt(17) <= '5';
        int end = "yyyy-MM-ddTHH:mm:ss".length();
        if (text.charAt(end) == '.') {
            int fraction = ++end;
            while (end < length && isDigit(text.charAt(end))) {
                end++;
            }
            validTime &= end - fraction >= 1 && end - fraction <= 9;
        }
        boolean utc = (length - end == 1 && text.charAt(end) == 'Z')
                || (length - end == "+00:00".length() && text.startsWith("+00:00", end));
        return validTime && utc;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII digits only, as in ISO-8601 (and as {@code \d} in a regular expression). */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** Every form ISO-8601 allows for a timestamp with or without offset, or a plain date; null for anything else. */
    static LocalDate parseGeneral(String text) {
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
