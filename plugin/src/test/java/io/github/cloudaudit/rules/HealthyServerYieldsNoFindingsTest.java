package io.github.cloudaudit.rules;

import org.junit.jupiter.api.Test;

import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

/** The promise every built-in rule must keep: a clean, owned, monitored, current server yields no finding. */
class HealthyServerYieldsNoFindingsTest {

    @Test
    void everyBuiltInRuleIsSilentOnAHealthyServerInAWatchedAccount() {
        assertThat(RuleEngine.withBuiltInRules().rules()).isNotEmpty();

        assertThat(runAll(watchedInventory(healthyServer("i-1").build(), healthyServer("i-2").build()))).isEmpty();
    }
}
