package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * moto answers GetInventory with HTTP 500, so this output is built from the API's documented shape: Entities with
 * an Id and, per inventory type, a Content list of string maps.
 */
class SsmInventoryReaderTest {

    static final String INVENTORY = """
            {"Entities": [
              {"Id": "%s", "Data": {"AWS:Application": {"TypeName": "AWS:Application", "SchemaVersion": "1.1",
                "CaptureTime": "2026-11-22T10:00:00Z", "Content": [
                  {"Name": "openssl", "Version": "1.1.1n-0+deb10u6", "Publisher": "Debian"},
                  {"Name": "mysql-client", "Version": "5.6.51-1debian10"},
                  {"Name": "mysql-server", "Version": "5.6.51-1debian10", "Publisher": "Oracle"}]}}},
              {"Id": "mi-0123456789abcdef0", "Data": {}}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aDatabaseServerPackageGivesTheVirtualMachineItsEngine() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        Inventory withoutInventory = load(dir);
        String id = server(withoutInventory, "sles-batch").id();
        Files.writeString(dir.resolve(ACCOUNT).resolve(EU).resolve("ssm-get-inventory.json"), INVENTORY.formatted(id));

        Inventory inventory = load(dir);

        assertThat(server(withoutInventory, "sles-batch").engine()).isNull();
        assertThat(server(inventory, "sles-batch").engine()).as("the server package, not the client")
                .isEqualTo(new DatabaseEngine("mysql", "5.6.51"));
    }

    @ParameterizedTest
    @CsvSource({
            "mysql-server, 5.6.51-1debian10, mysql, 5.6.51",
            "mysql-community-server, 8.0.36-1.el8, mysql, 8.0.36",
            "mariadb-server, 1:10.3.39-0+deb10u1, mariadb, 10.3.39",
            "postgresql-11, 11.22-0+deb10u1, postgresql, 11.22",
            "postgresql13-server, 13.14-1PGDG.rhel8, postgresql, 13.14",
            "mssql-server, 15.0.4355.3-1, sqlserver, 15.0.4355.3",
            "Microsoft SQL Server 2014 (64-bit) Database Engine Services, 12.0.6024.0, sqlserver, 12.0.6024.0",
            "mongodb-org-server, 4.4.29, mongodb, 4.4.29"})
    void serverPackagesNameTheirEngine(String name, String version, String product, String engineVersion) {
        assertThat(SsmInventoryReader.engine(name, version)).contains(new DatabaseEngine(product, engineVersion));
    }

    @ParameterizedTest
    @CsvSource({"mysql-client, 5.6.51", "postgresql-client-11, 11.22", "libmariadb3, 10.3.39", "openssl, 1.1.1"})
    void clientsAndLibrariesAreNoDatabase(String name, String version) {
        assertThat(SsmInventoryReader.engine(name, version)).isEmpty();
    }
}
