package io.github.cloudaudit.source.azure;

/** {@code az security pricing list}: Defender for Cloud plans; newer CLI versions print {@code {"value": [...]}}, older ones a list. */
public final class AzureSecurityPricingListReader extends AzureListReader {

    public AzureSecurityPricingListReader() {
        super("security pricing list", AzureMappings.DEFENDER_PLANS);
    }
}
