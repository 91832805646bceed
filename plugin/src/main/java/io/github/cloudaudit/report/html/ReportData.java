package io.github.cloudaudit.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.view.Fact;
import io.github.cloudaudit.report.view.FindingRow;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.ReportView;
import io.github.cloudaudit.report.view.ReportView.Entry;
import io.github.cloudaudit.report.view.ReportView.ServerEntry;
import io.github.cloudaudit.report.view.Words;
import io.github.cloudaudit.rules.ServerProfile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every finding and server as compact JSON for the report's script, which pages, filters and sorts them.
 * Findings are arrays of numbers pointing into shared tables: repeated texts (messages, evidence, accounts, owners)
 * are stored once, which keeps a report of 100,000 findings to a few megabytes. The layout is read by report.js.
 */
final class ReportData {

    /** A choice in a filter: its value is the index the data uses. */
    public record Option(String value, String label) {
    }

    private final ReportView view;
    private final Messages m;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<String, Integer> rules = new LinkedHashMap<>();
    private final Map<String, FindingRow> ruleRows = new LinkedHashMap<>();
    private final Map<FindingRow.SuppressionNote, Integer> suppressions = new LinkedHashMap<>();
    private final Map<String, Integer> providers;
    private final Map<String, Integer> accounts;
    private final Map<String, Integer> regions;
    private final Map<String, Integer> owners;

    ReportData(ReportView view, Messages messages) {
        this.view = view;
        this.m = messages;
        List<FindingRow> rows = view.entries().stream().map(Entry::row).toList();
        rows.stream().sorted(Comparator.comparing(FindingRow::ruleId))
                .forEach(r -> ruleRows.putIfAbsent(r.ruleId(), r));
        ruleRows.keySet().forEach(id -> rules.put(id, rules.size()));
        providers = dimension(rows, FindingRow::provider);
        accounts = dimension(rows, FindingRow::account);
        regions = dimension(rows, FindingRow::region);
        owners = dimension(rows, FindingRow::owner);
    }

    private static Map<String, Integer> dimension(List<FindingRow> rows, Function<FindingRow, String> value) {
        Map<String, Integer> index = new LinkedHashMap<>();
        new TreeSet<>(rows.stream().map(value).toList()).forEach(v -> index.put(v, index.size()));
        return index;
    }

    List<Option> severityOptions() {
        List<Option> options = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            options.add(new Option(String.valueOf(severity.ordinal()),
                    Words.enumLabel("severity", severity, m)));
        }
        return options;
    }

    List<Option> ruleOptions() {
        return ruleRows.values().stream().map(r -> new Option(String.valueOf(rules.get(r.ruleId())), r.ruleId())).toList();
    }

    List<Option> providerOptions() {
        return options(providers);
    }

    List<Option> accountOptions() {
        return options(accounts);
    }

    List<Option> regionOptions() {
        return options(regions);
    }

    List<Option> ownerOptions() {
        return options(owners);
    }

    private static List<Option> options(Map<String, Integer> dimension) {
        return dimension.entrySet().stream().map(e -> new Option(String.valueOf(e.getValue()), e.getKey())).toList();
    }

    /** The data as script-safe JSON text. */
    String json() throws IOException {
        StringWriter out = new StringWriter(1 << 16);
        write(out);
        return out.toString();
    }

    void write(Writer out) throws IOException {
        // The string table fills while findings and servers are written, so those go to a buffer and come last.
        StringWriter body = new StringWriter(1 << 16);
        try (JsonGenerator g = ScriptSafeJson.generator(body)) {
            writeFindings(g);
            writeServers(g);
        }
        try (JsonGenerator g = ScriptSafeJson.generator(out)) {
            g.writeStartObject();
            writeLabels(g);
            g.writeArrayFieldStart("rules");
            for (FindingRow r : ruleRows.values()) {
                g.writeStartArray();
                g.writeString(r.ruleId());
                g.writeString(r.ruleTitle());
                g.writeString(r.categoryLabel());
                g.writeString(r.rationale());
                g.writeString(r.remediation());
                g.writeStartArray();
                for (String reference : r.references()) {
                    g.writeString(reference);
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("dims");
            writeList(g, "provider", providers.keySet());
            writeList(g, "account", accounts.keySet());
            writeList(g, "region", regions.keySet());
            writeList(g, "owner", owners.keySet());
            g.writeEndObject();
            g.writeArrayFieldStart("suppressions");
            for (FindingRow.SuppressionNote note : suppressions.keySet()) {
                g.writeStartArray();
                g.writeString(note.justification());
                g.writeString(note.expires());
                g.writeString(note.origin());
                g.writeEndArray();
            }
            g.writeEndArray();
            List<ServerEntry> cards = view.serverCards();
            writeList(g, "factLabels", cards.isEmpty() ? List.of() : cards.get(0).card().facts().stream().map(Fact::label).toList());
            writeList(g, "strings", strings.keySet());
            g.writeFieldName("items");
            g.writeRawValue(body.toString());
            g.writeEndObject();
        }
    }

    /** {@code findings}: [severity, rule, server, message, [evidence], suppression, unverified, provider,
     * account, region, owner, resource id, resource name, source file]; -1 where none. */
    private void writeFindings(JsonGenerator g) throws IOException {
        Map<ServerProfile, Integer> serverIndex = new IdentityHashMap<>();
        List<ServerEntry> cards = view.serverCards();
        for (int i = 0; i < cards.size(); i++) {
            serverIndex.put(cards.get(i).profile(), i);
        }
        g.writeStartObject();
        g.writeArrayFieldStart("findings");
        for (Entry entry : view.entries()) {
            FindingRow r = entry.row();
            g.writeStartArray();
            g.writeNumber(entry.finding().severity().ordinal());
            g.writeNumber(rules.get(r.ruleId()));
            g.writeNumber(entry.server() == null ? -1 : serverIndex.getOrDefault(entry.server(), -1));
            g.writeNumber(string(r.message()));
            g.writeStartArray();
            for (String evidence : r.evidence()) {
                g.writeNumber(string(evidence));
            }
            g.writeEndArray();
            g.writeNumber(r.suppression() == null ? -1 : suppressions.computeIfAbsent(r.suppression(), k -> suppressions.size()));
            g.writeNumber(r.unverified() ? 1 : 0);
            g.writeNumber(providers.get(r.provider()));
            g.writeNumber(accounts.get(r.account()));
            g.writeNumber(regions.get(r.region()));
            g.writeNumber(owners.get(r.owner()));
            g.writeNumber(string(r.resourceId()));
            g.writeNumber(string(r.resourceName()));
            g.writeNumber(string(r.origin()));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** {@code servers}: [name, id, worst severity key, finding count text, [fact values], [[tag, value]]]. */
    private void writeServers(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("servers");
        for (ServerEntry entry : view.serverCards()) {
            var card = entry.card();
            g.writeStartArray();
            g.writeNumber(string(card.name()));
            g.writeNumber(string(card.id()));
            g.writeString(card.severityKey());
            g.writeNumber(string(card.findingCount()));
            g.writeStartArray();
            for (Fact fact : card.facts()) {
                g.writeNumber(string(fact.value()));
            }
            g.writeEndArray();
            g.writeStartArray();
            for (Fact tag : card.tags()) {
                g.writeStartArray();
                g.writeNumber(string(tag.label()));
                g.writeNumber(string(tag.value()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeLabels(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("labels");
        g.writeArrayFieldStart("severity");
        for (Severity severity : Severity.values()) {
            g.writeString(Words.enumLabel("severity", severity, m));
        }
        g.writeEndArray();
        for (String key : List.of("findingsStatus", "serversStatus", "noFindings", "noServers", "clean")) {
            g.writeStringField(key, m.get("script." + key));
        }
        g.writeStringField("suppressed", m.get("suppressed.badge"));
        g.writeEndObject();
    }

    private static void writeList(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private int string(String value) {
        return value == null ? -1 : strings.computeIfAbsent(value, k -> strings.size());
    }
}
