package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.text.Text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something could not be collected, so part of the estate was not audited: reported at HIGH so that a partial
 * audit never passes as a clean one. Files skipped as not inventory are listed in the reports instead.
 */
public final class AuditIncompleteRule implements Rule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "audit-incomplete",
            "Part of the estate could not be audited",
            Category.COVERAGE,
            Severity.HIGH,
            "An audit that could not see a region, an account or a kind of data reports nothing about it, and "
                    + "nothing looks exactly like clean. The forgotten server is most likely to sit precisely where "
                    + "the audit had no access.",
            "Give the identity that collects the inventory read access everywhere and collect again. AWS: attach "
                    + "the managed policies SecurityAudit and ViewOnlyAccess (or ReadOnlyAccess) to the role in "
                    + "every account, and check that no service control policy denies the region. Azure: grant the "
                    + "Reader and Security Reader roles on every subscription (or the management group above them).",
            List.of("AWS managed policy: SecurityAudit",
                    "Azure built-in roles: Reader, Security Reader"));

    private static final Pattern DENIED = Pattern.compile(
            "(?i).*(denied|unauthori[sz]ed|forbidden|authorizationfailed|not ?authori[sz]ed).*");

    /** What a missing API call or export leaves unaudited, by words in its name; first match wins. */
    private static final Map<Pattern, String> CONSEQUENCES = consequences();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
        return context.inventory().gaps().stream().distinct().map(AuditIncompleteRule::finding).toList();
    }

    private static Finding finding(CoverageGap gap) {
        Text where = Wording.scope(gap.provider(), gap.account(), gap.region());
        boolean denied = gap.reason() != null && DENIED.matcher(gap.reason()).matches();
        Text message = Text.of(denied ? "audit-incomplete.message.denied" : "audit-incomplete.message.failed",
                gap.what(), where, gap.reason() == null ? Text.of("audit-incomplete.noReason")
                        : Text.of("audit-incomplete.reason", gap.reason()), consequence(gap.what()));
        String scope = (gap.provider() == null ? "audit" : gap.provider().name().toLowerCase(Locale.ROOT))
                + "/" + (gap.account() == null ? "unknown" : gap.account())
                + (gap.region() == null ? "" : "/" + gap.region());
        // The scope alone would give two gaps in one region the same fingerprint; the missing data tells them apart.
        String resourceId = scope + "/" + gap.what();
        List<Text> evidence = List.of(Text.of("audit-incomplete.evidence.missing", gap.what()),
                Text.of("audit-incomplete.evidence.scope", where),
                gap.reason() == null ? Text.of("audit-incomplete.evidence.noReason")
                        : Text.of("audit-incomplete.evidence.reason", gap.reason()));
        return new Finding(METADATA.id(), METADATA.severity(), gap.provider(), gap.account(), gap.region(),
                resourceId, AuditContext.english(where), AuditContext.english(message),
                evidence.stream().map(AuditContext::english).toList(), true, null, List.of(), null,
                new Finding.Texts(message, evidence, where));
    }

    private static Text consequence(String what) {
        return Text.of("audit-incomplete.consequence." + CONSEQUENCES.entrySet().stream()
                .filter(e -> e.getKey().matcher(what).find())
                .map(Map.Entry::getValue).findFirst()
                .orElse("other"));
    }

    private static Map<Pattern, String> consequences() {
        Map<Pattern, String> map = new LinkedHashMap<>();
        map.put(Pattern.compile("(?i)ec2:DescribeInstances|virtualMachines|vm list"), "servers");
        map.put(Pattern.compile("(?i)^rds:|DescribeDB|Microsoft\\.(Sql|DBfor)|sql (server|db)|(mysql|postgres)"),
                "databases");
        map.put(Pattern.compile("(?i)cloudwatch|alarm|alert"), "alarms");
        map.put(Pattern.compile("(?i)guardduty|Microsoft\\.Security|security pricing|defender"), "threatDetection");
        map.put(Pattern.compile("(?i)cloudtrail|activity ?log|diagnostic"), "auditTrail");
        map.put(Pattern.compile("(?i)flow ?log"), "flowLogs");
        map.put(Pattern.compile("(?i)^ssm:|extension"), "agents");
        map.put(Pattern.compile("(?i)SecurityGroups|networkSecurityGroups|nsg"), "ports");
        return Collections.unmodifiableMap(map);
    }
}
