package io.github.cloudaudit.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A server's key names it in findings.json and in baselines: its spelling must not change. */
class ServerKeyTest {

    @Test
    void theKeyIsProviderAccountAndIdInLowerCase() {
        assertThat(Server.key(Provider.AWS, "123456789012", "i-0abc")).isEqualTo("aws/123456789012/i-0abc");
        assertThat(Server.key(Provider.AZURE, "Sub-ÄB", "/subscriptions/S/resourceGroups/RG/VM-1"))
                .isEqualTo("azure/sub-äb//subscriptions/s/resourcegroups/rg/vm-1");
        assertThat(Server.key(Provider.AWS, null, "I-1")).isEqualTo("aws/null/i-1");
    }

    @Test
    void aServersKeyIsTheKeyOfItsProviderAccountAndId() {
        Server server = Server.builder().provider(Provider.AZURE).account("SUB").id("VM").build();

        assertThat(server.key()).isEqualTo(Server.key(Provider.AZURE, "SUB", "VM")).isEqualTo("azure/sub/vm");
    }
}
