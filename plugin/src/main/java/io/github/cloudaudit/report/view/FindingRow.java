package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.rules.RuleTexts;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.List;
import java.util.Locale;

/**
 * One finding as the report shows it, every value already in words.
 *
 * @param resourceName  the human name, null when it is the id or unknown
 * @param owner         the owner, "no owner" for a server without one, a dash when not about a server
 * @param suppression   why it is accepted, null when it is not
 * @param blank         true only for {@link #BLANK}
 */
public record FindingRow(String severityKey, String severityLabel, String ruleId, String ruleTitle,
                         String categoryLabel, String provider, String account, String region, String owner,
                         String resourceId, String resourceName, String message, List<String> evidence,
                         String rationale, String remediation, List<String> references, boolean unverified,
                         SuppressionNote suppression, String origin, boolean blank) {

    /** A row with every optional part present and every value empty, which scripts clone and fill. */
    static final FindingRow BLANK = new FindingRow("", "", "", "", "", "", "", "", "", "", "", "", List.of(), "", "",
            List.of(), true, new SuppressionNote("", "", ""), "", true);

    /** Why a finding is accepted and until when. */
    public record SuppressionNote(String justification, String expires, String origin) {
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public boolean hasName() {
        return blank || resourceName != null;
    }

    public boolean hasRationale() {
        return blank || rationale != null;
    }

    public boolean hasRemediation() {
        return blank || remediation != null;
    }

    public boolean hasReferences() {
        return blank || !references.isEmpty();
    }

    public boolean hasEvidence() {
        return blank || !evidence.isEmpty();
    }

    /** The row of a finding about the given server (null when it is not about one). */
    static FindingRow of(Finding finding, ServerProfile server, ResourceIndex index, Messages messages) {
        RuleMetadata rule = index.rule(finding.ruleId());
        return new FindingRow(
                severityKey(finding), Words.enumLabel("severity", finding.severity(), messages),
                finding.ruleId(), rule == null ? finding.ruleId() : rule.title(),
                rule == null ? messages.get("value.dash") : Words.enumLabel("category", rule.category(), messages),
                Words.provider(finding.provider(), messages), Words.orDash(finding.account(), messages),
                Words.orDash(finding.region(), messages), Words.owner(server, messages),
                Words.orDash(finding.resourceId(), messages), name(finding, messages), RuleTexts.message(messages.language(), finding),
                RuleTexts.evidence(messages.language(), finding),
                rule == null ? null : rule.rationale(), rule == null ? null : rule.remediation(),
                rule == null ? List.of() : rule.references(), !finding.verified(),
                finding.suppression() == null ? null : new SuppressionNote(finding.suppression().justification(),
                        finding.suppression().expires() == null ? messages.get("suppressed.never")
                                : finding.suppression().expires().toString(),
                        finding.suppression().origin()),
                finding.origin() == null ? null : finding.origin().describe(), false);
    }

    /** The resource's human name as the row shows it, null when it is the id or unknown. */
    static String name(Finding finding, Messages messages) {
        return finding.resourceName() == null || finding.resourceName().equals(finding.resourceId())
                ? null : RuleTexts.resourceName(messages.language(), finding);
    }

    static String severityKey(Finding finding) {
        return finding.severity().name().toLowerCase(Locale.ROOT);
    }
}
