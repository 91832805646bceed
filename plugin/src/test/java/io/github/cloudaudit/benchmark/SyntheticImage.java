package io.github.cloudaudit.benchmark;

import java.time.Instant;
import java.util.List;

/**
 * A machine image of the synthetic fleet, as describe-images shows it, with the operating system (and database
 * engine, for SQL Server images) the normalized inventory states.
 *
 * @param id              the AMI id in one region
 * @param sqlServerVersion SQL Server build on the image, null when none
 */
record SyntheticImage(String id, String name, String description, String ownerId, String ownerAlias,
                      boolean windows, String platformDetails, String usageOperation, String rootDevice,
                      Instant created, String osProduct, String osVersion, String sqlServerVersion, boolean legacy) {

    /** Canonical's, Amazon's, Microsoft-on-Amazon's and Debian's image owner accounts. */
    private static final String CANONICAL = "099720109477";
    private static final String AMAZON = "137112412989";
    private static final String AMAZON_WINDOWS = "801119661308";
    private static final String DEBIAN = "136693071363";

    /** The catalog: current images first, then legacy ones; fleets pick by index. */
    static final List<SyntheticImage> CATALOG = List.of(
            linux("al2023-ami-2023.6.20250303.0-kernel-6.1-x86_64",
                    "Amazon Linux 2023 AMI 2023.6.20250303.0 x86_64 HVM kernel-6.1", AMAZON, "amazon",
                    "/dev/xvda", "2025-03-03", "amazon-linux", "2023", false),
            linux("al2023-ami-2023.8.20250818.0-kernel-6.1-x86_64",
                    "Amazon Linux 2023 AMI 2023.8.20250818.0 x86_64 HVM kernel-6.1", AMAZON, "amazon",
                    "/dev/xvda", "2025-08-18", "amazon-linux", "2023", false),
            linux("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250305",
                    "Canonical, Ubuntu, 24.04, amd64 noble image", CANONICAL, null,
                    "/dev/sda1", "2025-03-05", "ubuntu", "24.04", false),
            linux("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251001",
                    "Canonical, Ubuntu, 24.04, amd64 noble image", CANONICAL, null,
                    "/dev/sda1", "2025-10-01", "ubuntu", "24.04", false),
            linux("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240927",
                    "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-09-27", CANONICAL, null,
                    "/dev/sda1", "2024-09-27", "ubuntu", "22.04", false),
            linux("debian-12-amd64-20250210-2019", "Debian 12 (20250210-2019)", DEBIAN, null,
                    "/dev/xvda", "2025-02-10", "debian", "12", false),
            windows("Windows_Server-2022-English-Full-Base-2025.02.12",
                    "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon",
                    "2025-02-12", "2022", null, false),
            windows("Windows_Server-2022-English-Full-SQL_2022_Standard-2025.02.12",
                    "Microsoft Windows Server 2022 Full Locale English with SQL Standard 2022 AMI provided by Amazon",
                    "2025-02-12", "2022", "16.0.4165.4", false),
            linux("ubuntu/images/hvm-ssd/ubuntu-trusty-14.04-amd64-server-20160505",
                    "Canonical, Ubuntu, 14.04 LTS, amd64 trusty image build on 2016-05-05", CANONICAL, null,
                    "/dev/sda1", "2016-05-05", "ubuntu", "14.04", true),
            linux("ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20170721",
                    "Canonical, Ubuntu, 16.04 LTS, amd64 xenial image build on 2017-07-21", CANONICAL, null,
                    "/dev/sda1", "2017-07-21", "ubuntu", "16.04", true),
            linux("amzn-ami-hvm-2017.09.1.20180115-x86_64-gp2",
                    "Amazon Linux AMI 2017.09.1.20180115 x86_64 HVM GP2", AMAZON, "amazon",
                    "/dev/xvda", "2018-01-15", "amazon-linux", "1", true),
            windows("Windows_Server-2012-R2_RTM-English-64Bit-Base-2017.10.13",
                    "Microsoft Windows Server 2012 R2 RTM 64-bit Locale English AMI provided by Amazon",
                    "2017-10-13", "2012 R2", null, true),
            windows("Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP2_Standard-2017.10.13",
                    "Microsoft Windows Server 2012 R2 RTM 64-bit Locale English with SQL Standard 2014 AMI provided by Amazon",
                    "2017-10-13", "2012 R2", "12.0.5000.0", true));

    /** Catalog positions by use. */
    static final List<Integer> CURRENT_LINUX = List.of(0, 1, 2, 3, 4, 5);
    static final int CURRENT_WINDOWS = 6;
    static final int CURRENT_SQL_SERVER = 7;
    static final List<Integer> LEGACY = List.of(8, 9, 10, 11);
    static final int LEGACY_SQL_SERVER = 12;

    /** This catalog image as registered in one region. */
    SyntheticImage inRegion(int region, int catalogIndex) {
        return new SyntheticImage(SyntheticIds.aws("ami", SyntheticIds.IMAGE, region, catalogIndex), name, description,
                ownerId, ownerAlias, windows, platformDetails, usageOperation, rootDevice, created, osProduct, osVersion,
                sqlServerVersion, legacy);
    }

    private static SyntheticImage linux(String name, String description, String owner, String alias, String rootDevice,
                                        String created, String osProduct, String osVersion, boolean legacy) {
        return new SyntheticImage(null, name, description, owner, alias, false, "Linux/UNIX", "RunInstances",
                rootDevice, Instant.parse(created + "T09:00:00Z"), osProduct, osVersion, null, legacy);
    }

    private static SyntheticImage windows(String name, String description, String created, String osVersion,
                                          String sqlServerVersion, boolean legacy) {
        boolean sql = sqlServerVersion != null;
        return new SyntheticImage(null, name, description, AMAZON_WINDOWS, "amazon", true,
                sql ? "Windows with SQL Server Standard" : "Windows", sql ? "RunInstances:0006" : "RunInstances:0002",
                "/dev/sda1", Instant.parse(created + "T09:00:00Z"), "windows-server", osVersion, sqlServerVersion,
                legacy);
    }
}
