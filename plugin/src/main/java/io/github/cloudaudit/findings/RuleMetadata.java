package io.github.cloudaudit.findings;

import java.util.List;

/**
 * What a rule is, for people: shown in the reports, the SARIF rule table and the generated rule catalogue.
 *
 * @param id          stable id, e.g. {@code legacy-os}; never renamed, suppressions and baselines refer to it
 * @param title       one line
 * @param category    legacy, orphaned, monitoring, exposure, risk or coverage
 * @param severity    base severity, before a database or a data classification raises it
 * @param rationale   why it matters
 * @param remediation what to do about it
 * @param references  equivalent checks elsewhere (AWS Config rule, Prowler check, CIS control) and documentation
 */
public record RuleMetadata(String id, String title, Category category, Severity severity, String rationale,
                           String remediation, List<String> references) {

    public RuleMetadata {
        references = List.copyOf(references);
    }
}
