package io.github.cloudaudit.report.view;

/** One labelled value, e.g. "Owner: team-db". */
public record Fact(String label, String value) {
}
