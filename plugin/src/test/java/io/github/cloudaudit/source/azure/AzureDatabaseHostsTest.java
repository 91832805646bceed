package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL virtual machines, SQL managed instances and Cosmos DB accounts as database hosts. */
class AzureDatabaseHostsTest {

    private static final String VM = ArmRows.GROUP + "Microsoft.Compute/virtualMachines/erp-db";
    private static final String SQL_VM = ArmRows.GROUP + "Microsoft.SqlVirtualMachine/sqlVirtualMachines/erp-db";
    private static final String INSTANCE = ArmRows.GROUP + "Microsoft.Sql/managedInstances/sqlmi1";
    private static final String COSMOS = ArmRows.GROUP + "Microsoft.DocumentDB/databaseAccounts/cosmos1";

    private final InventoryBuilder builder = new InventoryBuilder();

    @Test
    void theSqlIaasRegistrationOfA2014OfferMakesAVmFromAPlainWindowsImageASqlServer2014HostPastSupport() {
        ArmRows.map(builder, vm("MicrosoftWindowsServer", "WindowsServer", "2012-R2-Datacenter"));
        ArmRows.map(builder, sqlVm("\"sqlImageOffer\": \"SQL2014SP3-WS2012R2\", \"sqlImageSku\": \"Enterprise\""));

        Inventory inventory = builder.build();
        Server vm = inventory.servers().get(0);
        assertThat(vm.engine()).isEqualTo(new DatabaseEngine("sqlserver", "2014"));
        ServerProfile profile = AuditContext.withBuiltInTables(inventory, LocalDate.of(2026, 11, 23),
                AuditSettings.defaults()).profile(vm);
        assertThat(profile.engineEndOfSupport()).isEqualTo(LocalDate.of(2024, 7, 9));
        assertThat(profile.hostsDatabase()).isTrue();
    }

    @Test
    void theImagesOwnReleaseIsKeptAndAnUnknownOfferStillShowsSqlServer() {
        ArmRows.map(builder, vm("MicrosoftSQLServer", "SQL2016SP3-WS2016", "Standard"));
        ArmRows.map(builder, sqlVm("\"sqlImageOffer\": \"SQL2019-WS2022\""));
        assertThat(builder.build().servers().get(0).engine()).isEqualTo(new DatabaseEngine("sqlserver", "2016"));

        InventoryBuilder other = new InventoryBuilder();
        ArmRows.map(other, vm("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter"));
        ArmRows.map(other, sqlVm("\"sqlImageOffer\": null"));
        assertThat(other.build().servers().get(0).engine()).isEqualTo(new DatabaseEngine("sqlserver", null));
    }

    @Test
    void aRegistrationWithoutItsVmIsAnError() {
        assertThatThrownBy(() -> ArmRows.map(builder, "{\"id\": \"" + SQL_VM + "\", \"type\": "
                + "\"Microsoft.SqlVirtualMachine/sqlVirtualMachines\", \"properties\": {\"sqlImageOffer\": \"SQL2014SP3-WS2012R2\"}}"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("inline.json:3:5: ")
                .hasMessageContaining("'virtualMachineResourceId'");
    }

    @ParameterizedTest(name = "state {0}, public endpoint {1}")
    @CsvSource(nullValues = "-", value = {"Ready, true, RUNNING, true", "Stopped, false, STOPPED, false", "Creating, -, OTHER, -"})
    void aManagedInstancesStateAndPublicEndpoint(String state, Boolean endpoint, PowerState expected, Boolean open) {
        ArmRows.map(builder, instance("\"state\": \"" + state + "\", \"publicDataEndpointEnabled\": " + endpoint));

        Server instance = builder.build().servers().get(0);
        assertThat(instance.state()).isEqualTo(expected);
        assertThat(instance.publiclyAccessible()).isEqualTo(open);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"publicDataEndpointEnabled\": \"yes\"  | 'publicDataEndpointEnabled' to be true or false",
            "\"subnetId\": \"/subscriptions/s/rg\"   | 'subnetId' to be a subnet id",
    })
    void aMalformedManagedInstanceIsALocatedError(String field, String expected) {
        assertThatThrownBy(() -> ArmRows.map(builder, instance(field)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("inline.json:3:5: ")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} -> public {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "\"publicNetworkAccess\": \"Enabled\", \"ipRules\": []                                      | true",
            "\"ipRules\": []                                                                             | true",
            "\"publicNetworkAccess\": \"Disabled\"                                                       | false",
            "\"publicNetworkAccess\": \"Enabled\", \"ipRules\": [{\"ipAddressOrRange\": \"203.0.113.7\"}] | false",
            "\"publicNetworkAccess\": \"Enabled\", \"ipRules\": [{\"ipAddressOrRange\": \"0.0.0.0/0\"}]   | true",
            "\"publicNetworkAccess\": \"Enabled\", \"isVirtualNetworkFilterEnabled\": true                | false",
            "\"publicNetworkAccess\": \"SecuredByPerimeter\"                                             | -",
    })
    void aCosmosAccountIsPublicOnlyWhenNoRuleNarrowsItsPublicAccess(String properties, Boolean expected) {
        ArmRows.map(builder, cosmos("GlobalDocumentDB", properties));

        Server account = builder.build().servers().get(0);
        assertThat(account.publiclyAccessible()).isEqualTo(expected);
        assertThat(account.engine()).isEqualTo(new DatabaseEngine("cosmosdb", null));
    }

    @Test
    void aMongoApiAccountReportsTheWireVersionItSpeaks() {
        ArmRows.map(builder, cosmos("MongoDB", "\"apiProperties\": {\"serverVersion\": \"4.2\"}"));

        assertThat(builder.build().servers().get(0).engine()).isEqualTo(new DatabaseEngine("cosmosdb", "MongoDB API 4.2"));
    }

    private static String vm(String publisher, String offer, String sku) {
        return """
                {"id": "%s", "name": "erp-db", "type": "microsoft.compute/virtualmachines", "properties": {
                 "storageProfile": {"imageReference": {"publisher": "%s", "offer": "%s", "sku": "%s", "version": "latest"}}}}"""
                .formatted(VM, publisher, offer, sku);
    }

    private static String sqlVm(String properties) {
        return """
                {"id": "%s", "name": "erp-db", "type": "microsoft.sqlvirtualmachine/sqlvirtualmachines", "location": "westeurope",
                 "properties": {"virtualMachineResourceId": "%s", "sqlServerLicenseType": "PAYG", %s}}"""
                .formatted(SQL_VM, VM, properties);
    }

    private static String instance(String properties) {
        return """
                {"id": "%s", "name": "sqlmi1", "type": "Microsoft.Sql/managedInstances", "location": "westeurope",
                 "sku": {"name": "GP_Gen5", "tier": "GeneralPurpose"},
                 "properties": {"subnetId": "%s", %s}}"""
                .formatted(INSTANCE, ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet1/subnets/mi", properties)
                .replaceFirst("\"subnetId\": \"[^\"]*\", (\"subnetId\")", "$1");
    }

    private static String cosmos(String kind, String properties) {
        return """
                {"id": "%s", "name": "cosmos1", "type": "Microsoft.DocumentDB/databaseAccounts", "kind": "%s",
                 "location": "westeurope", "properties": {"databaseAccountOfferType": "Standard", %s}}"""
                .formatted(COSMOS, kind, properties);
    }
}
