package io.github.cloudaudit.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * The instants of metric data points, written as ISO dates and times with an offset
 * ({@code 2026-11-22T23:00:00Z}, {@code 2026-11-22T23:00:00+00:00}). A CPU history holds hundreds of them per server,
 * nearly all in UTC to the second: those are read here directly, as the general parser took two thirds of the time
 * mapping Azure metrics answers took (a sampling profile). Any other form goes to {@link OffsetDateTime#parse}, so what
 * is accepted and refused is exactly what that parser accepts and refuses.
 */
public final class Timestamps {

    /** The length of {@code yyyy-MM-ddTHH:mm:ss}. */
    private static final int DATE_AND_TIME = 19;
    private static final String UTC_OFFSET = "+00:00";

    private Timestamps() {
    }

    /** @throws DateTimeParseException as {@link OffsetDateTime#parse} does */
    public static Instant parse(String text) {
        Instant utc = utcToTheSecond(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss} in UTC, or null for any other form or a date that does not exist. */
    private static Instant utcToTheSecond(String text) {
        int length = text.length();
        boolean utc = length == DATE_AND_TIME + 1 && text.charAt(DATE_AND_TIME) == 'Z'
                || length == DATE_AND_TIME + UTC_OFFSET.length() && text.endsWith(UTC_OFFSET);
        if (!utc || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
                + minute * 60L + second);
    }

    /** The number these decimal digits write, or -1 when one of them is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
