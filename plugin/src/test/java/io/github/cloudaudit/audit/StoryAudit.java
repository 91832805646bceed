package io.github.cloudaudit.audit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.report.RiskRanking.ServerRisk;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventoryLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** An audit of a folder of inventory files through the real readers, rules and ranking, for the story tests. */
record StoryAudit(Inventory inventory, List<Finding> findings, List<ServerRisk> ranking) {

    static StoryAudit of(Path folder, LocalDate auditDate, Consumer<String> warnings) throws IOException {
        Inventory inventory = InventoryLoader.withBuiltInReaders(warnings).load(List.of(folder));
        AuditContext context = AuditContext.withBuiltInTables(inventory, auditDate, AuditSettings.defaults());
        RuleEngine engine = RuleEngine.withBuiltInRules();
        List<Finding> findings = engine.run(context);
        AuditReport report = new AuditReport(new AuditMetadata(auditDate, "test", Instant.EPOCH, Duration.ZERO,
                "HIGH", List.of(folder.getFileName().toString()), "en"),
                engine.rules().stream().map(Rule::metadata).toList(),
                inventory.servers().stream().map(context::profile).toList(),
                new Policy(Severity.HIGH, List.of(), auditDate).apply(findings), inventory);
        return new StoryAudit(inventory, findings, RiskRanking.of(report));
    }
}
