package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.rules.RuleTexts;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.HashMap;
import java.util.Map;

/** Links each finding to the server it is about and the rule that raised it. */
public final class ResourceIndex {

    private final AuditReport report;
    private final Map<String, RuleMetadata> rules = new HashMap<>();

    /** @param language the report's language, which the rules' titles, rationale and remediation are told in */
    public ResourceIndex(AuditReport report, String language) {
        this.report = report;
        report.rules().forEach(rule -> rules.put(rule.id(), RuleTexts.in(language, rule)));
    }

    /** The server a finding is about, null for findings about an account, a region or the audit itself. */
    public ServerProfile server(Finding finding) {
        return report.resource(finding);
    }

    /** The rule's metadata, null when the rule is not in the catalogue (e.g. findings raised by the audit itself). */
    public RuleMetadata rule(String id) {
        return rules.get(id);
    }

    public Category category(Finding finding) {
        RuleMetadata rule = rules.get(finding.ruleId());
        return rule == null ? null : rule.category();
    }
}
