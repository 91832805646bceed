package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes one instance object as {@code aws ec2 describe-instances --output json} prints it, with the fields and field
 * order of the real EC2 API response.
 */
final class Ec2InstanceJson {

    /** Timestamps as the AWS CLI v1 prints them (the fixtures' CLI); v2 prints {@code +00:00} instead of {@code .000Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STATE_TRANSITION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Ec2InstanceJson() {
    }

    static void write(JsonGenerator g, SyntheticServer server, String region) throws IOException {
        String launched = timestamp(server.launchTime());
        boolean publicAddress = server.running() && server.publicIp() != null;
        String privateDns = privateDnsName(server.privateIp(), region);
        g.writeStartObject();
        g.writeNumberField("AmiLaunchIndex", 0);
        g.writeStringField("ImageId", server.imageId());
        g.writeStringField("InstanceId", server.instanceId());
        g.writeStringField("InstanceType", server.instanceType());
        g.writeStringField("KeyName", server.keyName());
        g.writeStringField("LaunchTime", launched);
        g.writeObjectFieldStart("Monitoring");
        g.writeStringField("State", server.detailedMonitoring() ? "enabled" : "disabled");
        g.writeEndObject();
        g.writeObjectFieldStart("Placement");
        g.writeStringField("AvailabilityZone", server.availabilityZone());
        g.writeStringField("GroupName", "");
        g.writeStringField("Tenancy", "default");
        g.writeEndObject();
        if (server.windows()) {
            g.writeStringField("Platform", "windows");
        }
        g.writeStringField("PrivateDnsName", privateDns);
        g.writeStringField("PrivateIpAddress", server.privateIp());
        g.writeArrayFieldStart("ProductCodes");
        g.writeEndArray();
        g.writeStringField("PublicDnsName", publicAddress ? publicDnsName(server.publicIp(), region) : "");
        if (publicAddress) {
            g.writeStringField("PublicIpAddress", server.publicIp());
        }
        g.writeObjectFieldStart("State");
        g.writeNumberField("Code", server.running() ? 16 : 80);
        g.writeStringField("Name", server.running() ? "running" : "stopped");
        g.writeEndObject();
        g.writeStringField("StateTransitionReason", server.running() ? ""
                : "User initiated (" + STATE_TRANSITION.format(server.stoppedAt()) + " GMT)");
        g.writeStringField("SubnetId", server.subnetId());
        g.writeStringField("VpcId", server.securityGroup().vpc().id());
        g.writeStringField("Architecture", "x86_64");
        blockDeviceMappings(g, server, launched);
        g.writeStringField("ClientToken", server.clientToken());
        g.writeBooleanField("EbsOptimized", true);
        g.writeBooleanField("EnaSupport", true);
        g.writeStringField("Hypervisor", "xen");
        if (server.agent()) {
            g.writeObjectFieldStart("IamInstanceProfile");
            g.writeStringField("Arn", "arn:aws:iam::" + SyntheticFleet.ACCOUNT + ":instance-profile/ssm-managed-instance");
            g.writeStringField("Id", "AIPAQZ3XR7KM2HN5UWB4C");
            g.writeEndObject();
        }
        networkInterfaces(g, server, region, launched, publicAddress, privateDns);
        g.writeStringField("RootDeviceName", rootDevice(server));
        g.writeStringField("RootDeviceType", "ebs");
        g.writeArrayFieldStart("SecurityGroups");
        groupIdentifier(g, server.securityGroup());
        g.writeEndArray();
        g.writeBooleanField("SourceDestCheck", true);
        if (!server.running()) {
            g.writeObjectFieldStart("StateReason");
            g.writeStringField("Code", "Client.UserInitiatedShutdown");
            g.writeStringField("Message", "Client.UserInitiatedShutdown: User initiated shutdown");
            g.writeEndObject();
        }
        g.writeArrayFieldStart("Tags");
        for (Map.Entry<String, String> tag : server.tags().entrySet()) {
            g.writeStartObject();
            g.writeStringField("Key", tag.getKey());
            g.writeStringField("Value", tag.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("VirtualizationType", "hvm");
        int[] cpu = cpuOptions(server.instanceType());
        g.writeObjectFieldStart("CpuOptions");
        g.writeNumberField("CoreCount", cpu[0]);
        g.writeNumberField("ThreadsPerCore", cpu[1]);
        g.writeEndObject();
        g.writeObjectFieldStart("CapacityReservationSpecification");
        g.writeStringField("CapacityReservationPreference", "open");
        g.writeEndObject();
        g.writeObjectFieldStart("HibernationOptions");
        g.writeBooleanField("Configured", false);
        g.writeEndObject();
        metadataOptions(g, server);
        g.writeObjectFieldStart("EnclaveOptions");
        g.writeBooleanField("Enabled", false);
        g.writeEndObject();
        g.writeStringField("PlatformDetails", server.image() != null ? server.image().platformDetails() : "Linux/UNIX");
        g.writeStringField("UsageOperation", server.image() != null ? server.image().usageOperation() : "RunInstances");
        g.writeStringField("UsageOperationUpdateTime", launched);
        g.writeObjectFieldStart("PrivateDnsNameOptions");
        g.writeStringField("HostnameType", "ip-name");
        g.writeBooleanField("EnableResourceNameDnsARecord", false);
        g.writeBooleanField("EnableResourceNameDnsAAAARecord", false);
        g.writeEndObject();
        g.writeObjectFieldStart("MaintenanceOptions");
        g.writeStringField("AutoRecovery", "default");
        g.writeEndObject();
        g.writeStringField("CurrentInstanceBootMode", "legacy-bios");
        g.writeObjectFieldStart("NetworkPerformanceOptions");
        g.writeStringField("BandwidthWeighting", "default");
        g.writeEndObject();
        operator(g);
        g.writeEndObject();
    }

    private static void blockDeviceMappings(JsonGenerator g, SyntheticServer server, String launched) throws IOException {
        List<String> devices = List.of(rootDevice(server), "/dev/sdf", "/dev/sdg", "/dev/sdh");
        g.writeArrayFieldStart("BlockDeviceMappings");
        for (int i = 0; i < server.volumeIds().size(); i++) {
            g.writeStartObject();
            g.writeStringField("DeviceName", devices.get(i));
            g.writeObjectFieldStart("Ebs");
            g.writeStringField("AttachTime", launched);
            g.writeBooleanField("DeleteOnTermination", i == 0);
            g.writeStringField("Status", "attached");
            g.writeStringField("VolumeId", server.volumeIds().get(i));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void networkInterfaces(JsonGenerator g, SyntheticServer server, String region, String launched,
                                          boolean publicAddress, String privateDns) throws IOException {
        g.writeArrayFieldStart("NetworkInterfaces");
        g.writeStartObject();
        if (publicAddress) {
            association(g, server, region);
        }
        g.writeObjectFieldStart("Attachment");
        g.writeStringField("AttachTime", launched);
        g.writeStringField("AttachmentId", "eni-attach-" + server.networkInterfaceId().substring("eni-".length()));
        g.writeBooleanField("DeleteOnTermination", true);
        g.writeNumberField("DeviceIndex", 0);
        g.writeStringField("Status", "attached");
        g.writeNumberField("NetworkCardIndex", 0);
        g.writeEndObject();
        g.writeStringField("Description", "");
        g.writeArrayFieldStart("Groups");
        groupIdentifier(g, server.securityGroup());
        g.writeEndArray();
        g.writeArrayFieldStart("Ipv6Addresses");
        g.writeEndArray();
        g.writeStringField("MacAddress", server.macAddress());
        g.writeStringField("NetworkInterfaceId", server.networkInterfaceId());
        g.writeStringField("OwnerId", SyntheticFleet.ACCOUNT);
        g.writeStringField("PrivateDnsName", privateDns);
        g.writeStringField("PrivateIpAddress", server.privateIp());
        g.writeArrayFieldStart("PrivateIpAddresses");
        g.writeStartObject();
        if (publicAddress) {
            association(g, server, region);
        }
        g.writeBooleanField("Primary", true);
        g.writeStringField("PrivateDnsName", privateDns);
        g.writeStringField("PrivateIpAddress", server.privateIp());
        g.writeEndObject();
        g.writeEndArray();
        g.writeBooleanField("SourceDestCheck", true);
        g.writeStringField("Status", "in-use");
        g.writeStringField("SubnetId", server.subnetId());
        g.writeStringField("VpcId", server.securityGroup().vpc().id());
        g.writeStringField("InterfaceType", "interface");
        operator(g);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void association(JsonGenerator g, SyntheticServer server, String region) throws IOException {
        g.writeObjectFieldStart("Association");
        g.writeStringField("IpOwnerId", "amazon");
        g.writeStringField("PublicDnsName", publicDnsName(server.publicIp(), region));
        g.writeStringField("PublicIp", server.publicIp());
        g.writeEndObject();
    }

    private static void groupIdentifier(JsonGenerator g, SyntheticFleet.SecurityGroup group) throws IOException {
        g.writeStartObject();
        g.writeStringField("GroupId", group.id());
        g.writeStringField("GroupName", group.name());
        g.writeEndObject();
    }

    private static void metadataOptions(JsonGenerator g, SyntheticServer server) throws IOException {
        boolean old = server.image() != null && server.image().legacy();
        g.writeObjectFieldStart("MetadataOptions");
        g.writeStringField("State", "applied");
        g.writeStringField("HttpTokens", old ? "optional" : "required");
        g.writeNumberField("HttpPutResponseHopLimit", old ? 1 : 2);
        g.writeStringField("HttpEndpoint", "enabled");
        g.writeStringField("HttpProtocolIpv6", "disabled");
        g.writeStringField("InstanceMetadataTags", "disabled");
        g.writeEndObject();
    }

    private static void operator(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("Operator");
        g.writeBooleanField("Managed", false);
        g.writeEndObject();
    }

    private static String rootDevice(SyntheticServer server) {
        return server.image() != null ? server.image().rootDevice() : "/dev/xvda";
    }

    /** Cores and threads per core: one core for small sizes, more for larger ones; the oldest types lack SMT. */
    private static int[] cpuOptions(String instanceType) {
        String size = instanceType.substring(instanceType.indexOf('.') + 1);
        int cores = switch (size) {
            case "xlarge" -> 2;
            case "2xlarge" -> 4;
            default -> 1;
        };
        boolean singleThread = instanceType.equals("t1.micro") || instanceType.equals("m3.medium");
        return new int[] {cores, singleThread ? 1 : 2};
    }

    private static String privateDnsName(String ip, String region) {
        String domain = region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
        return "ip-" + ip.replace('.', '-') + "." + domain;
    }

    private static String publicDnsName(String ip, String region) {
        String domain = region.equals("us-east-1") ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + ip.replace('.', '-') + "." + domain;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
