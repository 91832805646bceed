package io.github.cloudaudit.source.azure.live;

import io.github.cloudaudit.source.SettingProblem;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The national clouds, by the names {@code az cloud list} gives them: where each signs in, where its Resource Manager
 * and Azure Monitor metrics answer, and the token scopes of those.
 */
public enum AzureCloud {

    AZURE_CLOUD("AzureCloud", "https://login.microsoftonline.com/", "https://management.azure.com/",
            "https://management.core.windows.net/", "metrics.monitor.azure.com"),
    AZURE_US_GOVERNMENT("AzureUSGovernment", "https://login.microsoftonline.us/",
            "https://management.usgovcloudapi.net/", "https://management.core.usgovcloudapi.net/",
            "metrics.monitor.azure.us"),
    AZURE_CHINA_CLOUD("AzureChinaCloud", "https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn/",
            "https://management.core.chinacloudapi.cn/", "metrics.monitor.azure.cn");

    /** Older names of the public cloud's sign-in host, still answered. */
    private static final Set<String> OTHER_MICROSOFT_HOSTS = Set.of("login.windows.net", "login.microsoft.com",
            "sts.windows.net");

    private final String cloudName;
    private final String authorityHost;
    private final String resourceManager;
    private final String managementAudience;
    private final String metricsHost;

    AzureCloud(String cloudName, String authorityHost, String resourceManager, String managementAudience,
               String metricsHost) {
        this.cloudName = cloudName;
        this.authorityHost = authorityHost;
        this.resourceManager = resourceManager;
        this.managementAudience = managementAudience;
        this.metricsHost = metricsHost;
    }

    /** The cloud of a name in any letter case, e.g. {@code AzureUSGovernment}. */
    public static AzureCloud named(String name) {
        return Arrays.stream(values()).filter(cloud -> cloud.cloudName.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> SettingProblem.of("azure", "cloud", "is '" + name + "', which is none of "
                        + Arrays.stream(values()).map(AzureCloud::cloudName).collect(Collectors.joining(", "))));
    }

    public String cloudName() {
        return cloudName;
    }

    /** Microsoft Entra ID's sign-in host of this cloud. */
    public String authorityHost() {
        return authorityHost;
    }

    public URI resourceManager() {
        return URI.create(resourceManager);
    }

    /** The token scope for Resource Manager, as the management libraries ask for it. */
    public String resourceManagerScope() {
        return managementAudience + "/.default";
    }

    /** Azure Monitor's metrics endpoint of a region, e.g. {@code https://westeurope.metrics.monitor.azure.com}. */
    public URI metricsEndpoint(String region) {
        return URI.create("https://" + region.toLowerCase(Locale.ROOT) + "." + metricsHost);
    }

    /** The token scope for the metrics batch API. */
    public String metricsScope() {
        return "https://" + metricsHost + "/.default";
    }

    /** Whether a sign-in URL is on one of Microsoft's own hosts, where instance discovery works. */
    public static boolean isMicrosoftAuthority(URI authorityHost) {
        String host = authorityHost.getHost();
        return host != null && (OTHER_MICROSOFT_HOSTS.contains(host.toLowerCase(Locale.ROOT)) || Arrays.stream(values())
                .anyMatch(cloud -> host.equalsIgnoreCase(URI.create(cloud.authorityHost).getHost())));
    }
}
