package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Wording shared by the rules' messages, so every finding says days, ages and states the same way. */
final class Phrases {

    private Phrases() {
    }

    /** Whole days from one date to a later one. */
    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The time between two dates as people say it: "3 years and 23 days", "1 year", "45 days", "1 day". */
    static String elapsed(LocalDate from, LocalDate to) {
        int years = Period.between(from, to).getYears();
        long days = daysBetween(from.plusYears(years), to);
        if (years == 0) {
            return count(days, "day");
        }
        return days == 0 ? count(years, "year") : count(years, "year") + " and " + count(days, "day");
    }

    /** "2019-04-30, 7 years and 207 days ago" for a date before the audit date. */
    static String dateAgo(LocalDate date, LocalDate auditDate) {
        return date + ", " + elapsed(date, auditDate) + " ago";
    }

    /** "1 day", "2 days". */
    static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A percentage with one decimal, independent of the build machine's locale. */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** The power state in words: "running", "stopped since 2025-01-02", "state unknown". */
    static String state(Server server) {
        if (server.state() == null) {
            return "state unknown";
        }
        String state = switch (server.state()) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case OTHER -> "neither running nor stopped";
        };
        return server.stateSince() == null || server.state() == PowerState.OTHER ? state
                : state + " since " + server.stateSince();
    }
}
