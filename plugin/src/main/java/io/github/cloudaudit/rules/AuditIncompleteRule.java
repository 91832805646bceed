package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;

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
        String where = Wording.scope(gap.provider(), gap.account(), gap.region());
        boolean denied = gap.reason() != null && DENIED.matcher(gap.reason()).matches();
        String message = gap.what() + " in " + where + (denied ? " was denied" : " could not be collected")
                + (gap.reason() != null ? " (" + gap.reason() + ")" : "") + ": " + consequence(gap.what()) + ".";
        String scope = (gap.provider() == null ? "audit" : gap.provider().name().toLowerCase(Locale.ROOT))
                + "/" + (gap.account() == null ? "unknown" : gap.account())
                + (gap.region() == null ? "" : "/" + gap.region());
        // The scope alone would give two gaps in one region the same fingerprint; the missing data tells them apart.
        String resourceId = scope + "/" + gap.what();
        return new Finding(METADATA.id(), METADATA.severity(), gap.provider(), gap.account(), gap.region(),
                resourceId, where, message,
                List.of("missing: " + gap.what(), "scope: " + where,
                        "reason: " + (gap.reason() == null ? "not given" : gap.reason())),
                true, null, List.of(), null);
    }

    private static String consequence(String what) {
        return CONSEQUENCES.entrySet().stream().filter(e -> e.getKey().matcher(what).find())
                .map(Map.Entry::getValue).findFirst()
                .orElse("what it would have shown there was not audited");
    }

    private static Map<Pattern, String> consequences() {
        Map<Pattern, String> map = new LinkedHashMap<>();
        map.put(Pattern.compile("(?i)ec2:DescribeInstances|virtualMachines|vm list"),
                "servers there were not audited");
        map.put(Pattern.compile("(?i)^rds:|DescribeDB|Microsoft\\.(Sql|DBfor)|sql (server|db)|(mysql|postgres)"),
                "managed databases there were not audited");
        map.put(Pattern.compile("(?i)cloudwatch|alarm|alert"),
                "whether CPU alarms watch the servers there is unknown");
        map.put(Pattern.compile("(?i)guardduty|Microsoft\\.Security|security pricing|defender"),
                "whether threat detection is on there is unknown");
        map.put(Pattern.compile("(?i)cloudtrail|activity ?log|diagnostic"),
                "whether an audit trail records actions there is unknown");
        map.put(Pattern.compile("(?i)flow ?log"), "whether flow logs record the traffic there is unknown");
        map.put(Pattern.compile("(?i)^ssm:|extension"), "whether agents report from the servers there is unknown");
        map.put(Pattern.compile("(?i)SecurityGroups|networkSecurityGroups|nsg"),
                "which ports are open to the servers there is unknown");
        return Collections.unmodifiableMap(map);
    }
}
