package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * When a server counts as forgotten: it is legacy or orphaned, and either nobody owns it (an orphan finding) or
 * nobody would notice what happens on it (no CPU alarm, no agent and no threat detection watching it). An owned
 * server with a CPU alarm on an old engine is legacy and under-monitored, which its own findings say, not forgotten.
 * For "nobody would notice", a watcher that is not known to be on counts as off: unknown facts are all that is known
 * about many forgotten servers.
 */
final class Forgotten {

    /** Each of these, if on, would notice an intruder; the agent only where there is a guest OS to run it. */
    private static final Set<String> WATCHERS = Set.of(NoCpuAlarmRule.METADATA.id(),
            NoMonitoringAgentRule.METADATA.id(), NoThreatDetectionRule.METADATA.id());

    private final ConfirmedFindings findings;

    Forgotten(ConfirmedFindings findings) {
        this.findings = findings;
    }

    /** Confirmed findings that the server is outdated or never rebuilt. */
    List<Finding> aged(Server server) {
        return findings.about(server).stream().filter(ConfirmedFindings::showsAge).toList();
    }

    /** Confirmed findings that nobody owns it or it was left behind. */
    List<Finding> orphaned(Server server) {
        return findings.about(server).stream().filter(ConfirmedFindings::showsOrphan).toList();
    }

    /**
     * The findings that say no watcher is on, confirmed or unknown, when every watcher that applies to the server
     * raised one; empty when at least one is known to watch it.
     */
    List<Finding> unnoticed(Server server) {
        List<Finding> gaps = Stream.concat(findings.about(server).stream(), findings.unverifiedAbout(server).stream())
                .filter(f -> WATCHERS.contains(f.ruleId())).toList();
        long applicable = server.kind() == ResourceKind.VIRTUAL_MACHINE ? WATCHERS.size() : WATCHERS.size() - 1;
        return gaps.stream().map(Finding::ruleId).distinct().count() == applicable ? gaps : List.of();
    }

    /** Legacy or orphaned, and orphaned or unnoticed. */
    boolean forgotten(Server server) {
        return !orphaned(server).isEmpty() || (!aged(server).isEmpty() && !unnoticed(server).isEmpty());
    }
}
