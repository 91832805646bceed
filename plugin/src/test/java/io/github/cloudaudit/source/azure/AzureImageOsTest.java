package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AzureImageOsTest {

    @ParameterizedTest(name = "{0}:{1}:{2} -> {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Canonical              | UbuntuServer                 | 16.04-LTS          | ubuntu         | 16.04",
            "Canonical              | UbuntuServer                 | 14.04.5-LTS        | ubuntu         | 14.04",
            "Canonical              | 0001-com-ubuntu-server-jammy | 22_04-lts-gen2     | ubuntu         | 22.04",
            "Canonical              | ubuntu-24_04-lts             | server             | ubuntu         | 24.04",
            "MicrosoftWindowsServer | WindowsServer                | 2012-R2-Datacenter | windows-server | 2012 R2",
            "MicrosoftWindowsServer | WindowsServer                | 2008-R2-SP1        | windows-server | 2008 R2",
            "MicrosoftWindowsServer | WindowsServer                | 2019-datacenter-gensecond | windows-server | 2019",
            "MicrosoftWindowsServer | WindowsServer                | 2022-datacenter-azure-edition | windows-server | 2022",
            "MicrosoftSQLServer     | SQL2014SP3-WS2012R2          | Standard           | windows-server | 2012 R2",
            "MicrosoftSQLServer     | sql2019-ws2022               | enterprise-gen2    | windows-server | 2022",
            "MicrosoftSQLServer     | sql2019-ubuntu2004           | sqldev-gen2        | ubuntu         | 20.04",
            "RedHat                 | RHEL                         | 7-LVM              | rhel           | 7",
            "RedHat                 | RHEL                         | 7.9                | rhel           | 7",
            "RedHat                 | RHEL                         | 86-gen2            | rhel           | 8",
            "OpenLogic              | CentOS                       | 7_9                | centos         | 7",
            "Debian                 | debian-10                    | 10                 | debian         | 10",
            "Debian                 | debian-12                    | 12-arm64           | debian         | 12",
            "SUSE                   | sles-15-sp5                  | gen2               | sles           | 15 SP5",
            "SUSE                   | SLES                         | 12-SP4             | sles           | 12 SP4",
            "MicrosoftWindowsServer | WindowsServerSemiAnnual      | datacenter-core-1709 | windows-server | -",
            "MicrosoftWindowsDesktop | windows-10                  | win10-22h2-pro     | -              | -",
    })
    void operatingSystemFromPublisherOfferAndSku(String publisher, String offer, String sku, String product, String version) {
        OperatingSystem os = AzureImageOs.detect(publisher, offer, sku).os();

        assertThat(os.product()).isEqualTo(product);
        assertThat(os.version()).isEqualTo(version);
        assertThat(os.description()).isEqualTo(publisher + ":" + offer + ":" + sku);
    }

    @ParameterizedTest(name = "{0} -> sqlserver {1}")
    @CsvSource({
            "SQL2014SP3-WS2012R2, 2014",
            "SQL2008R2SP3-WS2008R2SP1, 2008 R2",
            "sql2019-ubuntu2004, 2019",
    })
    void sqlServerImagesAlsoNameTheirEngine(String offer, String version) {
        assertThat(AzureImageOs.detect("MicrosoftSQLServer", offer, "Standard").engine())
                .isEqualTo(new DatabaseEngine("sqlserver", version));
    }

    @Test
    void otherImagesNameNoEngine() {
        assertThat(AzureImageOs.detect("Canonical", "UbuntuServer", "18.04-LTS").engine()).isNull();
        assertThat(AzureImageOs.detect("Oracle", "oracle-database-19-3", "oracle-database-19-0904").engine()).isNull();
    }

    @Test
    void anOsKnownOnlyByFamilyHasNoProduct() {
        assertThat(AzureImageOs.family("Linux")).isEqualTo(new OperatingSystem(null, null, "Linux"));
        assertThat(AzureImageOs.family(null)).isNull();
    }
}
