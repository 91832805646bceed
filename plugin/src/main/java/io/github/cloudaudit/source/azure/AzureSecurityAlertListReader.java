package io.github.cloudaudit.source.azure;

/** {@code az security alert list}: Microsoft Defender for Cloud alerts of a subscription. */
public final class AzureSecurityAlertListReader extends AzureListReader {

    public AzureSecurityAlertListReader() {
        super("security alert list", AzureMappings.DEFENDER_ALERTS);
    }
}
