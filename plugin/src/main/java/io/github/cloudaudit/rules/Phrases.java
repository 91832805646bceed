package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Phrases shared by the rules' messages, so every finding says days, ages and states the same way, in every
 * language: each is a {@link Text} whose words are in the rules' bundles.
 */
final class Phrases {

    private Phrases() {
    }

    /** Whole days from one date to a later one. */
    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The time between two dates as people say it: "3 years and 23 days", "1 year", "45 days", "1 day". */
    static TextArg elapsed(LocalDate from, LocalDate to) {
        int years = Period.between(from, to).getYears();
        long days = daysBetween(from.plusYears(years), to);
        if (years == 0) {
            return count(days, "day");
        }
        return days == 0 ? count(years, "year")
                : Text.of("phrase.yearsAndDays", count(years, "year"), count(days, "day"));
    }

    /** "2019-04-30, 7 years and 207 days ago" for a date before the audit date. */
    static Text dateAgo(LocalDate date, LocalDate auditDate) {
        return Text.of("phrase.dateAgo", date, elapsed(date, auditDate));
    }

    /** "1 day", "2 days": the unit's words are in the bundles as {@code unit.<unit>.one} and {@code .other}. */
    static Text.Count count(long amount, String unit) {
        return Text.count(amount, unit);
    }

    /** "a", "a and b", "a, b and c". */
    static Text.Listing list(List<?> items) {
        return Text.listing(items);
    }

    /** A percentage with one decimal, independent of the build machine's locale. */
    static Text.Percent percent(double value) {
        return new Text.Percent(value);
    }

    /** Another finding as evidence of a composite one: "legacy-os: web-1 runs Ubuntu 14.04; ...". */
    static Text related(Finding finding) {
        return Text.of("evidence.related", finding.ruleId(),
                finding.texts() == null ? new Text.Name(finding.message()) : finding.texts().message());
    }

    /** The power state in words: "running", "stopped since 2025-01-02", "state unknown". */
    static Text state(Server server) {
        if (server.state() == null) {
            return Text.of("state.unknown");
        }
        String state = switch (server.state()) {
            case RUNNING -> "state.running";
            case STOPPED -> "state.stopped";
            case OTHER -> "state.other";
        };
        return server.stateSince() == null || server.state() == PowerState.OTHER ? Text.of(state)
                : Text.of(state + "Since", server.stateSince());
    }
}
