package io.github.cloudaudit.source;

import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.model.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OperatingSystemDetectorTest {

    private static final LifecycleCatalog CATALOG = LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS);

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // Ubuntu: AMI names (version and codename), Canonical descriptions, Azure offers and SKUs
            "ubuntu/images/hvm-ssd/ubuntu-trusty-14.04-amd64-server-20150325 | ubuntu | 14.04",
            "ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20170721 | ubuntu | 16.04",
            "ubuntu/images/hvm-ssd/ubuntu-bionic-18.04-amd64-server-20230531 | ubuntu | 18.04",
            "ubuntu/images/hvm-ssd/ubuntu-focal-20.04-arm64-server-20230517 | ubuntu | 20.04",
            "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20230516 | ubuntu | 22.04",
            "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240423 | ubuntu | 24.04",
            "ubuntu-minimal/images/hvm-ssd/ubuntu-focal-20.04-amd64-minimal-20230607 | ubuntu | 20.04",
            "ubuntu-eks/k8s_1.24/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20230616 | ubuntu | 20.04",
            "ubuntu-pro-server/images/hvm-ssd/ubuntu-bionic-18.04-amd64-pro-server-20230601 | ubuntu | 18.04",
            "Canonical, Ubuntu, 16.04 LTS, amd64 xenial image build on 2017-07-21 | ubuntu | 16.04",
            "Canonical UbuntuServer 18.04-LTS | ubuntu | 18.04",
            "Canonical 0001-com-ubuntu-server-jammy 22_04-lts-gen2 | ubuntu | 22.04",
            "ubuntu-trusty-golden-image | ubuntu | 14.04",
            "Ubuntu Pro | ubuntu | ",
            // Windows Server: AMI names, descriptions, Azure SKUs, EC2 platform details
            "Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP3_Standard-2019.11.13 | windows-server | 2012 R2",
            "Windows_Server-2012-RTM-English-64Bit-Base-2020.01.15 | windows-server | 2012",
            "Windows_Server-2008-R2_SP1-English-64Bit-Base-2020.01.15 | windows-server | 2008 R2",
            "Windows_Server-2003-R2_SP2-English-64Bit-Base-2015.03.11 | windows-server | 2003 R2",
            "Windows_Server-2016-English-Full-Base-2023.06.14 | windows-server | 2016",
            "Windows_Server-2019-English-Full-SQL_2017_Standard-2023.06.14 | windows-server | 2019",
            "Windows_Server-2022-English-Full-Base-2024.01.16 | windows-server | 2022",
            "Windows_Server-2025-English-Full-Base-2025.01.15 | windows-server | 2025",
            "EC2LaunchV2-Windows_Server-2016-English-Full-Base-2023.06.14 | windows-server | 2016",
            "Microsoft Windows Server 2012 R2 RTM 64-bit Locale English with SQL Standard 2014 AMI provided by Amazon | windows-server | 2012 R2",
            "MicrosoftWindowsServer WindowsServer 2012-R2-Datacenter | windows-server | 2012 R2",
            "MicrosoftWindowsServer WindowsServer 2019-Datacenter-gensecond | windows-server | 2019",
            "Windows | windows-server | ",
            "windows | windows-server | ",
            "Windows with SQL Server Standard | windows-server | ",
            "Windows BYOL | windows-server | ",
            // Amazon Linux: 2023, 2 and the first one (2018.03 and older)
            "al2023-ami-2023.1.20230705.0-kernel-6.1-x86_64 | amazon-linux | 2023",
            "al2023-ami-minimal-2023.1.20230705.0-kernel-6.1-arm64 | amazon-linux | 2023",
            "Amazon Linux 2023 AMI 2023.1.20230705.0 x86_64 HVM kernel-6.1 | amazon-linux | 2023",
            "amzn2-ami-hvm-2.0.20230612.0-x86_64-gp2 | amazon-linux | 2",
            "amzn2-ami-kernel-5.10-hvm-2.0.20230612.0-x86_64-gp2 | amazon-linux | 2",
            "amzn2-ami-ecs-hvm-2.0.20230606-x86_64-ebs | amazon-linux | 2",
            "Amazon Linux 2 AMI 2.0.20230612.0 x86_64 HVM gp2 | amazon-linux | 2",
            "amzn-ami-hvm-2018.03.0.20230606.0-x86_64-gp2 | amazon-linux | 1",
            "amzn-ami-minimal-hvm-2018.03.0.20230606.0-x86_64-ebs | amazon-linux | 1",
            "amzn-ami-2018.03.20230606-amazon-ecs-optimized | amazon-linux | 1",
            "Amazon Linux AMI 2018.03.0.20230606.0 x86_64 HVM gp2 | amazon-linux | 1",
            // Red Hat Enterprise Linux: major version only
            "RHEL-6.10_HVM-20190524-x86_64-0-Hourly2-GP2 | rhel | 6",
            "RHEL-7.9_HVM-20210208-x86_64-0-Hourly2-GP2 | rhel | 7",
            "RHEL-8.6.0_HVM-20220503-x86_64-2-Hourly2-GP2 | rhel | 8",
            "RHEL-9.2.0_HVM-20230503-x86_64-41-Hourly2-GP2 | rhel | 9",
            "RHEL_HA-8.4.0_HVM-20210504-x86_64-2-Hourly2-GP2 | rhel | 8",
            "RHEL-SAP-8.2.0_HVM-20211007-x86_64-0-Hourly2-GP2 | rhel | 8",
            "Red Hat Enterprise Linux 8 (HVM), SSD Volume Type | rhel | 8",
            "RedHat RHEL 7-LVM | rhel | 7",
            "Red Hat Enterprise Linux | rhel | ",
            "Red Hat BYOL Linux | rhel | ",
            // CentOS Linux and CentOS Stream
            "CentOS Linux 7 x86_64 HVM EBS ENA 2002_01-b7ee8a69-ee97-4a49-9e68-afaee216db2e | centos | 7",
            "CentOS 7.9.2009 x86_64 | centos | 7",
            "CentOS-7-2111-20220825_1.x86_64-d9a3032a-921c-4c6d-b150-bde168105e42 | centos | 7",
            "CentOS Linux 6 x86_64 HVM EBS 1704_01 | centos | 6",
            "OpenLogic CentOS 8_5 | centos | 8",
            "CentOS Stream 8 x86_64 20230308 | centos | 8-stream",
            "CentOS-Stream-ec2-9-20230123.0.x86_64 | centos | 9-stream",
            // Debian: numbered and code-named images
            "debian-10-amd64-20200210-166 | debian | 10",
            "debian-11-amd64-20230515-1381 | debian | 11",
            "debian-12-arm64-20230612-1409 | debian | 12",
            "debian-stretch-hvm-x86_64-gp2-2019-04-26-62577 | debian | 9",
            "debian-jessie-amd64-hvm-2017-01-15-1221-ebs | debian | 8",
            "Debian debian-11 11-gen2 | debian | 11",
            "Debian GNU/Linux 9 (stretch) | debian | 9",
            // SUSE Linux Enterprise Server: service packs
            "suse-sles-15-sp5-v20230620-hvm-ssd-x86_64 | sles | 15 SP5",
            "suse-sles-12-sp5-v20230601-hvm-ssd-x86_64 | sles | 12 SP5",
            "suse-sles-11-sp4-v20190203-hvm-ssd-x86_64 | sles | 11 SP4",
            "suse-sles-15-v20180716-hvm-ssd-x86_64 | sles | 15",
            "suse-sles-sap-15-sp4-v20230607-hvm-ssd-x86_64 | sles | 15 SP4",
            "SUSE Linux Enterprise Server 15 SP5 (HVM, 64-bit, SSD-Backed) | sles | 15 SP5",
            "SUSE sles-15-sp5 gen2 | sles | 15 SP5",
            "SUSE Linux | sles | ",
    })
    void recognizesRealWorldImageTexts(String text, String product, String version) {
        OperatingSystem os = OperatingSystemDetector.recognize(text).orElseThrow();

        assertThat(os.product()).isEqualTo(product);
        assertThat(os.version()).isEqualTo(version);
        assertThat(os.description()).isEqualTo(text);
        if (version != null) {
            assertThat(CATALOG.find(product, version)).as("lifecycle release of %s %s", product, version).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-golden-app-image-v42", "Linux/UNIX", "amazon-eks-node-1.27-v20230607",
            "Fedora-Cloud-Base-38-1.6.x86_64-hvm", "FreeBSD 13.2-RELEASE-amd64", "openSUSE-Leap-15.5-v20230601-hvm-ssd-x86_64",
            "team-xenial-base", " "})
    void recognizesNothingInOtherTexts(String text) {
        assertThat(OperatingSystemDetector.recognize(text)).isEmpty();
    }

    @Test
    void detectPrefersTheTextThatNamesAVersion() {
        OperatingSystem os = OperatingSystemDetector.detect("golden-db-image", "Ubuntu server", "Ubuntu 18.04 base with MySQL");

        assertThat(os).isEqualTo(new OperatingSystem("ubuntu", "18.04", "Ubuntu 18.04 base with MySQL"));
    }

    @Test
    void detectFallsBackToTheFirstTextThatNamesAProduct() {
        assertThat(OperatingSystemDetector.detect("golden-db-image", "Linux/UNIX", "Red Hat Enterprise Linux"))
                .isEqualTo(new OperatingSystem("rhel", null, "Red Hat Enterprise Linux"));
    }

    @Test
    void detectDescribesAnUnrecognizedImageByItsFirstText() {
        assertThat(OperatingSystemDetector.detect(null, "golden-db-image", "Linux/UNIX"))
                .isEqualTo(new OperatingSystem(null, null, "golden-db-image"));
        assertThat(OperatingSystemDetector.detect(null, "", null)).isNull();
    }
}
