package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.model.Server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A plain rule that looks at one server at a time and reports at most one finding per server. */
abstract class PerServerRule implements Rule {

    private final RuleMetadata metadata;

    PerServerRule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>();
        for (Server server : context.inventory().servers()) {
            check(context, server).ifPresent(findings::add);
        }
        return findings;
    }

    /** The finding on this server, confirmed or unverified, or empty when the server passes. */
    abstract Optional<Finding> check(AuditContext context, Server server);
}
