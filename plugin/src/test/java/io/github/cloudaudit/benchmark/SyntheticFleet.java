package io.github.cloudaudit.benchmark;

import io.github.cloudaudit.model.IngressRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A made-up AWS estate of any size, spread over four regions. Every fact of a server is derived from its region and
 * index alone, so writers ask for one server at a time and a fleet of 100,000 servers is never held in memory; the
 * same size always gives the same fleet.
 *
 * <p>Shares: about 5% of servers run legacy images (often with a database open to the internet), about 10% lack an
 * owner tag, about 10% host a database, about 70% have a CPU alarm, about 4% are stopped with their disks.
 */
final class SyntheticFleet {

    static final String ACCOUNT = "111122223333";
    static final Instant COLLECTED_AT = Instant.parse("2026-11-20T10:00:00Z");
    static final String TRAIL_HOME_REGION = "eu-north-1";
    private static final List<String> REGION_NAMES = List.of("eu-north-1", "eu-west-1", "eu-central-1", "us-east-1");
    /** GuardDuty was never switched on in the last region. */
    private static final int REGION_WITHOUT_GUARDDUTY = 3;
    private static final int SERVERS_PER_SECURITY_GROUP = 200;
    private static final int DEREGISTERED_IMAGES = 10;
    private static final List<String> OWNERS = List.of("team-web", "team-platform", "team-orders", "team-payments",
            "data-team", "bi-team", "team-identity", "team-search");
    private static final List<String> LEGACY_TYPES = List.of("m3.large", "m3.medium", "c3.large", "t1.micro",
            "m4.large", "m4.xlarge", "r3.large");

    /** What a server does; decides its security group, instance types and name. */
    enum Role {
        WEB("web", "Public HTTPS", List.of("t3.medium", "t3.large", "c6i.large"), List.of("storefront", "portal", "docs")),
        APP("app", "Application servers behind the web tier", List.of("m6i.large", "m6i.xlarge", "m7i.large", "t3.large"),
                List.of("orders-api", "payments-api", "search", "notifications", "identity")),
        WORKER("worker", "Batch workers", List.of("c6i.xlarge", "c7i.large", "m6i.large"),
                List.of("invoice-batch", "etl", "image-resize")),
        MYSQL("mysql", "MySQL servers", List.of("r6i.large", "r6i.xlarge", "m6i.xlarge"), List.of("orders-db", "catalog-db")),
        POSTGRES("postgres", "PostgreSQL servers", List.of("r6i.large", "r6i.xlarge", "m6i.xlarge"),
                List.of("analytics-db", "ledger-db")),
        MSSQL("mssql", "SQL Server", List.of("r6i.xlarge", "m6i.2xlarge"), List.of("erp-db", "finance-db")),
        LEGACY_SSH("legacy-ssh", "Old servers, SSH from anywhere", LEGACY_TYPES, List.of("crm-sidecar", "ftp-gateway")),
        LEGACY_MYSQL("legacy-mysql", "Old MySQL, open to the internet", LEGACY_TYPES, List.of("crm-sidecar", "newsletter")),
        LEGACY_MSSQL("legacy-mssql", "Old SQL Server, open to the internet", LEGACY_TYPES, List.of("erp-legacy"));

        final String prefix;
        final String description;
        final List<String> instanceTypes;
        final List<String> services;

        Role(String prefix, String description, List<String> instanceTypes, List<String> services) {
            this.prefix = prefix;
            this.description = description;
            this.instanceTypes = instanceTypes;
            this.services = services;
        }

        boolean legacy() {
            return name().startsWith("LEGACY");
        }
    }

    record Region(int index, String name, int serverCount, boolean guardDuty) {
    }

    /** A VPC; {@code cidrPrefix} is its /16 network's first two octets, e.g. {@code 10.20}. */
    record Vpc(int number, String id, String name, String environment, String cidrPrefix, boolean flowLogs) {

        String cidr() {
            return cidrPrefix + ".0.0/16";
        }
    }

    /** A security group with its inbound rules; the rules' {@code via} is left null, the group itself says it. */
    record SecurityGroup(String id, String name, Role role, Vpc vpc, List<IngressRule> rules) {
    }

    private final List<Region> regions;
    private final int groupsPerRole;

    SyntheticFleet(int serverCount) {
        if (serverCount < 1) {
            throw new IllegalArgumentException("server count must be at least 1, found " + serverCount);
        }
        List<Region> list = new ArrayList<>();
        for (int i = 0; i < REGION_NAMES.size(); i++) {
            int share = serverCount / REGION_NAMES.size() + (i < serverCount % REGION_NAMES.size() ? 1 : 0);
            list.add(new Region(i, REGION_NAMES.get(i), share, i != REGION_WITHOUT_GUARDDUTY));
        }
        regions = List.copyOf(list);
        groupsPerRole = Math.max(1, serverCount / REGION_NAMES.size() / SERVERS_PER_SECURITY_GROUP);
    }

    List<Region> regions() {
        return regions;
    }

    /** Production and staging VPCs log their traffic; the legacy VPC from the early days does not. */
    List<Vpc> vpcs(Region region) {
        return List.of(vpc(region, 0, "prod", true), vpc(region, 1, "staging", true), vpc(region, 2, "legacy", false));
    }

    private static Vpc vpc(Region region, int number, String environment, boolean flowLogs) {
        return new Vpc(number, SyntheticIds.aws("vpc", SyntheticIds.VPC, region.index(), number),
                environment + "-" + region.name(), environment, "10." + (20 + region.index() * 4 + number), flowLogs);
    }

    /** A VPC's subnet in one of the region's first three availability zones (0, 1, 2 for a, b, c). */
    static String subnetId(Region region, Vpc vpc, int zone) {
        return SyntheticIds.aws("subnet", SyntheticIds.SUBNET, region.index(), vpc.number() * 3L + zone);
    }

    /** Every catalog image as registered in the region. */
    List<SyntheticImage> images(Region region) {
        List<SyntheticImage> images = new ArrayList<>();
        for (int i = 0; i < SyntheticImage.CATALOG.size(); i++) {
            images.add(SyntheticImage.CATALOG.get(i).inRegion(region.index(), i));
        }
        return images;
    }

    int securityGroupCount() {
        return Role.values().length * groupsPerRole;
    }

    /** The n-th security group of a region, n from 0 to {@link #securityGroupCount()} - 1. */
    SecurityGroup securityGroup(Region region, int n) {
        return securityGroup(region, Role.values()[n / groupsPerRole], n % groupsPerRole);
    }

    private SecurityGroup securityGroup(Region region, Role role, int k) {
        List<Vpc> vpcs = vpcs(region);
        // Legacy groups live in the legacy VPC; one in eight of the others in staging.
        Vpc vpc = role.legacy() ? vpcs.get(2) : k % 8 == 7 ? vpcs.get(1) : vpcs.get(0);
        String inside = vpc.cidr();
        String world = "0.0.0.0/0";
        List<IngressRule> rules = switch (role) {
            case WEB -> List.of(tcp(443, world), tcp(80, world));
            case APP -> List.of(tcp(8080, securityGroup(region, Role.WEB, k).id()), tcp(22, inside));
            case WORKER -> List.of(tcp(22, inside));
            case MYSQL -> List.of(tcp(3306, inside), tcp(22, inside));
            case POSTGRES -> List.of(tcp(5432, inside), tcp(22, inside));
            case MSSQL -> List.of(tcp(1433, inside), tcp(3389, inside));
            case LEGACY_SSH -> List.of(tcp(22, world));
            case LEGACY_MYSQL -> List.of(tcp(3306, world), tcp(22, world));
            case LEGACY_MSSQL -> List.of(tcp(1433, world), tcp(3389, world));
        };
        String id = SyntheticIds.aws("sg", SyntheticIds.SECURITY_GROUP, region.index(), role.ordinal() * 1_000_000L + k);
        return new SecurityGroup(id, role.prefix + "-sg-" + k, role, vpc, rules);
    }

    private static IngressRule tcp(int port, String source) {
        return new IngressRule("tcp", port, port, source, null);
    }

    /** Ids of images that instances were launched from but that have been deregistered since. */
    static String deregisteredImageId(Region region, int n) {
        return SyntheticIds.aws("ami", SyntheticIds.IMAGE, region.index(), 1_000 + n);
    }

    /** The index-th server of a region (0 &le; index &lt; region.serverCount()). */
    SyntheticServer server(Region region, int index) {
        SplittableRandom random = new SplittableRandom(SyntheticIds.seed(SyntheticIds.INSTANCE, region.index(), index));
        boolean legacy = random.nextDouble() < 0.05;
        Role role = role(random, legacy);
        String engine = engine(role, random);
        SyntheticImage image = image(region, role, legacy, engine, random);
        String imageId = image != null ? image.id() : deregisteredImageId(region, random.nextInt(DEREGISTERED_IMAGES));
        SecurityGroup group = securityGroup(region, role, random.nextInt(groupsPerRole));

        Instant earliest = image != null ? image.created().plus(Duration.ofDays(1)) : Instant.parse("2019-01-01T00:00:00Z");
        Instant latest = legacy && image != null ? earliest.plus(Duration.ofDays(700)) : COLLECTED_AT.minus(Duration.ofDays(1));
        Instant launched = between(random, earliest, latest);
        Instant stopped = random.nextDouble() < (legacy ? 0.10 : 0.04) ? between(random, launched, COLLECTED_AT) : null;

        int zone = random.nextInt(3);
        // Addresses are unique per region for up to 64,000 servers; public ones come from the benchmarking range.
        String host = (index / 250 % 256) + "." + (index % 250 + 4);
        String privateIp = group.vpc().cidrPrefix() + "." + host;
        boolean internetFacing = role == Role.WEB || role.legacy();
        String publicIp = internetFacing ? "198." + (18 + region.index() % 2) + "." + host : null;
        String name = role.prefix + "-" + region.name().replace("-", "") + "-" + String.format(Locale.ROOT, "%05d", index);

        boolean cpuAlarm = random.nextDouble() < (legacy ? 0.25 : 0.72);
        boolean detailed = random.nextDouble() < (legacy ? 0.05 : 0.45);
        boolean agent = random.nextDouble() < (legacy ? 0.20 : 0.85);
        boolean mined = legacy && !cpuAlarm && random.nextDouble() < 0.10;
        Double cpuAverage = null;
        Double cpuMaximum = null;
        if (stopped == null) {
            cpuAverage = mined ? 97.0 + random.nextDouble() * 2.5 : 2.0 + random.nextDouble() * 55.0;
            cpuMaximum = mined ? 100.0 : Math.min(100.0, cpuAverage + random.nextDouble() * 45.0);
        }

        int volumes = 1 + (random.nextDouble() < 0.25 ? 1 : 0) + (engine != null ? 1 : 0);
        List<String> volumeIds = new ArrayList<>(volumes);
        for (int v = 0; v < volumes; v++) {
            volumeIds.add(SyntheticIds.aws("vol", SyntheticIds.VOLUME, region.index(), index * 4L + v));
        }
        String mac = String.format(Locale.ROOT, "02:%02x:%02x:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256), random.nextInt(256), random.nextInt(256));

        return new SyntheticServer(
                SyntheticIds.aws("i", SyntheticIds.INSTANCE, region.index(), index),
                SyntheticIds.aws("r", SyntheticIds.RESERVATION, region.index(), index),
                index == 0 || random.nextDouble() < 0.85,
                name, role.instanceTypes.get(random.nextInt(role.instanceTypes.size())), round(launched), round(stopped),
                imageId, image, group, subnetId(region, group.vpc(), zone),
                region.name() + (char) ('a' + zone), privateIp, publicIp, tags(random, role, legacy, engine, name, group.vpc()), volumeIds,
                SyntheticIds.aws("eni", SyntheticIds.NETWORK_INTERFACE, region.index(), index),
                mac, legacy ? "legacy-admin" : "ops-2025", new UUID(random.nextLong(), random.nextLong()).toString(),
                cpuAlarm, cpuAlarm && random.nextDouble() < 0.30, detailed, agent, engine,
                engineVersion(engine, legacy, image), round1(cpuAverage), round1(cpuMaximum));
    }

    private static Role role(SplittableRandom random, boolean legacy) {
        boolean database = random.nextDouble() < (legacy ? 0.35 : 0.08);
        if (legacy) {
            return !database ? Role.LEGACY_SSH : random.nextDouble() < 0.6 ? Role.LEGACY_MYSQL : Role.LEGACY_MSSQL;
        }
        if (database) {
            return List.of(Role.MYSQL, Role.POSTGRES, Role.MSSQL).get(random.nextInt(3));
        }
        double pick = random.nextDouble();
        return pick < 0.3 ? Role.WEB : pick < 0.8 ? Role.APP : Role.WORKER;
    }

    private static String engine(Role role, SplittableRandom random) {
        return switch (role) {
            case MYSQL, LEGACY_MYSQL -> "mysql";
            case POSTGRES -> "postgresql";
            case MSSQL, LEGACY_MSSQL -> "sqlserver";
            // Not every legacy SSH server is what it seems: some run a database on a port nobody opened.
            case LEGACY_SSH -> random.nextDouble() < 0.2 ? "mysql" : null;
            default -> null;
        };
    }

    private static String engineVersion(String engine, boolean legacy, SyntheticImage image) {
        if (engine == null) {
            return null;
        }
        return switch (engine) {
            case "mysql" -> legacy ? "5.6.51" : "8.4.3";
            case "postgresql" -> "17.2";
            default -> image != null && image.sqlServerVersion() != null ? image.sqlServerVersion()
                    : legacy ? "12.0.6449.1" : "16.0.4165.4";
        };
    }

    private SyntheticImage image(Region region, Role role, boolean legacy, String engine, SplittableRandom random) {
        if (random.nextDouble() < 0.01) {
            return null;
        }
        int catalogIndex;
        if ("sqlserver".equals(engine)) {
            catalogIndex = legacy ? SyntheticImage.LEGACY_SQL_SERVER : SyntheticImage.CURRENT_SQL_SERVER;
        } else if (legacy) {
            catalogIndex = SyntheticImage.LEGACY.get(random.nextInt(SyntheticImage.LEGACY.size()));
        } else if (role != Role.WEB && random.nextDouble() < 0.12) {
            catalogIndex = SyntheticImage.CURRENT_WINDOWS;
        } else {
            catalogIndex = SyntheticImage.CURRENT_LINUX.get(random.nextInt(SyntheticImage.CURRENT_LINUX.size()));
        }
        return SyntheticImage.CATALOG.get(catalogIndex).inRegion(region.index(), catalogIndex);
    }

    private static Map<String, String> tags(SplittableRandom random, Role role, boolean legacy, String engine,
                                            String name, Vpc vpc) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", name);
        if (random.nextDouble() >= (legacy ? 0.50 : 0.08)) {
            tags.put("owner", OWNERS.get(random.nextInt(OWNERS.size())));
        }
        tags.put("Service", role.services.get(random.nextInt(role.services.size())));
        tags.put("Environment", vpc.environment());
        tags.put("CostCenter", "cc-" + (1000 + random.nextInt(40)));
        if (engine != null && random.nextBoolean()) {
            tags.put("role", "database");
        }
        if (engine != null && random.nextDouble() < 0.3) {
            tags.put("data-classification", "personal");
        }
        return tags;
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds(random.nextLong(span));
    }

    private static Instant round(Instant instant) {
        return instant == null ? null : Instant.ofEpochSecond(instant.getEpochSecond());
    }

    private static Double round1(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }
}
