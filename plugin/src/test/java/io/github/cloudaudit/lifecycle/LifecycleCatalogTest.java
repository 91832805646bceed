package io.github.cloudaudit.lifecycle;

import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleCatalogTest {

    private final LifecycleCatalog os = LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS);
    private final LifecycleCatalog engines = LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES);

    @Test
    void matchesAReleaseByVersionPrefixAtABoundary() {
        assertThat(engines.find("mysql", "5.7.44")).get().extracting(Release::version).isEqualTo("5.7");
        assertThat(engines.find("mysql", "5.70")).isEmpty();
        assertThat(engines.find("MySQL", "5.7")).isPresent();
    }

    @Test
    void prefersTheLongestMatchingVersion() {
        assertThat(os.find("windows-server", "2012 R2")).get().extracting(Release::version).isEqualTo("2012 R2");
        assertThat(os.find("windows-server", "2012")).get().extracting(Release::version).isEqualTo("2012");
    }

    @Test
    void knowsWellKnownEndOfSupportDates() {
        assertThat(os.find("ubuntu", "14.04")).get().extracting(Release::endOfSupport)
                .isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(engines.find("mysql", "5.7.44")).get().extracting(Release::endOfSupport)
                .isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(engines.find("sqlserver", "12.00.6449.1.v1")).get().extracting(Release::label).asString()
                .contains("2014");
    }

    @Test
    void unknownProductOrVersionIsNotFound() {
        assertThat(os.find("plan9", "4")).isEmpty();
        assertThat(os.find("ubuntu", null)).isEmpty();
        assertThat(os.find(null, "14.04")).isEmpty();
    }

    @Test
    void aUserTableOverridesReleasesAndAddsProducts(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("os.yaml");
        Files.writeString(table, """
                schemaVersion: 1
                products:
                  - product: ubuntu
                    releases:
                      - version: "14.04"
                        label: Ubuntu 14.04 with our own ESM contract
                        endOfSupport: 2030-01-31
                  - product: haiku
                    name: Haiku
                    releases:
                      - version: "1"
                        label: Haiku R1
                        endOfSupport: 2020-01-01
                """);
        LifecycleCatalog merged = os.overriddenBy(table);
        assertThat(merged.find("ubuntu", "14.04")).get().extracting(Release::endOfSupport)
                .isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(merged.find("ubuntu", "16.04")).isPresent();
        assertThat(merged.find("haiku", "1.0")).isPresent();
        assertThat(merged.productName("ubuntu")).isEqualTo("Ubuntu");
    }

    @Test
    void aUserTableWithoutDatesIsRejectedWithItsPath(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("broken.yaml");
        Files.writeString(table, "products:\n  - product: ubuntu\n    releases:\n      - version: \"14.04\"\n");
        assertThatThrownBy(() -> os.overriddenBy(table))
                .hasMessageContaining("broken.yaml").hasMessageContaining("endOfSupport");
    }

    @Test
    void aWrongValueInAUserTableNamesFileLineAndFieldInWords(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("mine.yaml");
        Files.writeString(table, "products:\n  - product: ubuntu\n    releases:\n      - version: \"14.04\"\n"
                + "        endOfSupport: next year\n");
        assertThatThrownBy(() -> os.overriddenBy(table)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(table + ":5:")
                .hasMessageContaining("table.products[0].releases[0].endOfSupport")
                .hasMessageContaining("an ISO date such as 2018-03-01")
                .hasMessageNotContaining("java.").hasMessageNotContaining("LocalDate");
    }

    @Test
    void aKeyGivenTwiceInAUserTableIsAnError(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("twice.yaml");
        Files.writeString(table, "products:\n  - product: ubuntu\n    releases:\n      - version: \"14.04\"\n"
                + "        endOfSupport: 2019-04-30\n        endOfSupport: 2030-04-30\n");
        assertThatThrownBy(() -> os.overriddenBy(table)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(table + ":6:").hasMessageContaining("the key 'endOfSupport' appears twice");
    }

    @Test
    void aReleaseOrProductListedTwiceIsAnError(@TempDir Path dir) throws IOException {
        Path releases = dir.resolve("releases.yaml");
        Files.writeString(releases, "products:\n  - product: ubuntu\n    releases:\n"
                + "      - {version: \"14.04\", endOfSupport: 2019-04-30}\n      - {version: \"14.04\", endOfSupport: 2034-04-30}\n");
        Path products = dir.resolve("products.yaml");
        Files.writeString(products, "products:\n  - {product: ubuntu, releases: []}\n  - {product: Ubuntu, releases: []}\n");

        assertThatThrownBy(() -> os.overriddenBy(releases)).hasMessageStartingWith(releases.toString())
                .hasMessageContaining("lists release '14.04' twice");
        assertThatThrownBy(() -> os.overriddenBy(products)).hasMessageStartingWith(products.toString())
                .hasMessageContaining("'Ubuntu' is listed twice");
    }
}
