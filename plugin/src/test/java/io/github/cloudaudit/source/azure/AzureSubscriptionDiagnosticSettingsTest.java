package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.ReadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.SUBSCRIPTION;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The activity log export of a subscription, from {@code az monitor diagnostic-settings subscription list}. */
class AzureSubscriptionDiagnosticSettingsTest {

    private static final String SETTINGS = "/subscriptions/" + SUBSCRIPTION + "/providers/microsoft.insights/diagnosticSettings/";

    @TempDir
    Path dir;

    @Test
    void aSettingFurtherDownTheListThatSendsTheAdministrativeLogToAWorkspaceIsAnAuditTrail() throws Exception {
        Path file = Path.of(getClass().getResource("/inventories/azure-activity-log/" + SUBSCRIPTION
                + "/diagnostic-settings-subscription-list.json").toURI());

        assertThat(auditTrail(load(file))).containsExactly(SUBSCRIPTION + "=true");
    }

    @Test
    void withoutTheAdministrativeCategoryOrADestinationNothingIsExported() throws IOException {
        assertThat(auditTrail(load(file(setting("a", "workspaceId", "Security", true)))))
                .containsExactly(SUBSCRIPTION + "=false");
        assertThat(auditTrail(load(file(setting("a", "workspaceId", "Administrative", false)))))
                .containsExactly(SUBSCRIPTION + "=false");
        assertThat(auditTrail(load(file(setting("a", "eventHubName", "Administrative", true)))))
                .as("an event hub name without its authorization rule names no destination")
                .containsExactly(SUBSCRIPTION + "=false");
        assertThat(auditTrail(load(file(setting("a", "eventHubAuthorizationRuleId", "Administrative", true)))))
                .containsExactly(SUBSCRIPTION + "=true");
    }

    @Test
    void theRestApisNestedPropertiesTypeNullAndSlashlessIdsAreReadToo() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"value": [{"id": "subscriptions/%s/providers/AzureResourceManager/diagnosticSettings/ds4",
                  "type": null, "name": "ds4",
                  "properties": {"storageAccountId": "/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s",
                    "logs": [{"category": "Administrative", "enabled": true}]}}]}
                """.formatted(SUBSCRIPTION));

        assertThat(auditTrail(load(file))).containsExactly(SUBSCRIPTION + "=true");
    }

    @Test
    void anEmptyListNamesNoSubscriptionSoAFileOfItProvesNothing() throws IOException {
        Path file = dir.resolve(SUBSCRIPTION).resolve("diagnostic-settings.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"value\": []}");
        List<String> warnings = new ArrayList<>();

        assertThat(auditTrail(AzureCliFixtures.load(warnings, dir, AzureCliFixtures.scenario().resolve("vm-list.json")))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("diagnostic-settings.json");
    }

    @Test
    void anEmptyListReadForASubscriptionShowsThatItsActivityLogIsNotExported() throws IOException {
        InventoryBuilder builder = new InventoryBuilder(LocalDate.of(2026, 11, 30));
        try (JsonParser parser = new JsonFactory().createParser("{\"value\": []}")) {
            new AzureSubscriptionDiagnosticSettingsReader().read(parser,
                    new ReadContext("GET diagnosticSettings", SUBSCRIPTION, null, builder));
        }

        assertThat(auditTrail(builder.build())).containsExactly(SUBSCRIPTION + "=false");
    }

    @Test
    void settingsOfAResourceAreNotTheSubscriptionsAndAreNotRecognized() throws IOException {
        Path file = dir.resolve("vm-settings.json");
        Files.writeString(file, """
                {"value": [{"id": "/subscriptions/%s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/providers/microsoft.insights/diagnosticSettings/d",
                  "logs": [], "workspaceId": "w"}]}
                """.formatted(SUBSCRIPTION));
        List<String> warnings = new ArrayList<>();

        assertThat(auditTrail(AzureCliFixtures.load(warnings, dir, AzureCliFixtures.scenario().resolve("vm-list.json")))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("vm-settings.json");
    }

    @Test
    void aLogEntryWithoutEnabledIsALocatedError() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"value": [
                  {"id": "%sok", "workspaceId": "w", "logs": [{"category": "Administrative", "enabled": true}]},
                  {"id": "%sbad", "workspaceId": "w", "logs": [{"category": "Administrative", "enabled": "yes"}]}]}
                """.formatted(SETTINGS, SETTINGS));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("settings.json:3:")
                .hasMessageContaining("expected each entry of 'logs' to have 'enabled' true or false");
    }

    @Test
    void aSettingOfAnotherScopeInTheListIsALocatedError() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                [{"id": "%sok", "workspaceId": "w", "logs": []},
                 {"id": "/subscriptions/%s/resourceGroups/rg/providers/microsoft.insights/diagnosticSettings/x", "logs": []}]
                """.formatted(SETTINGS, SUBSCRIPTION));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("settings.json:2:")
                .hasMessageContaining("expected every setting to belong to a subscription");
    }

    private Path file(String json) throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"value\": [" + json + "]}");
        return file;
    }

    private static String setting(String name, String destination, String category, boolean enabled) {
        return """
                {"id": "%s%s", "%s": "/subscriptions/%s/resourceGroups/rg-logs/providers/x/y/z",
                 "logs": [{"category": "%s", "categoryGroup": null, "enabled": %s}]}
                """.formatted(SETTINGS, name, destination, SUBSCRIPTION, category, enabled);
    }

    private static List<String> auditTrail(Inventory inventory) {
        return inventory.scopes().stream().filter(scope -> scope.provider() == Provider.AZURE)
                .map(scope -> scope.account() + "=" + scope.auditTrail()).toList();
    }
}
