package io.github.cloudaudit.source.aws;

import java.util.Set;

/** What a GuardDuty finding type means to the audit; files and live collection read the types the same way. */
public final class GuardDutyFindingTypes {

    /** The types GuardDuty raises for cryptocurrency mining, on EC2 and through Runtime Monitoring. */
    private static final Set<String> CRYPTOMINING = Set.of(
            "CryptoCurrency:EC2/BitcoinTool.B",
            "CryptoCurrency:EC2/BitcoinTool.B!DNS",
            "Impact:EC2/BitcoinDomainRequest.Reputation",
            "CryptoCurrency:Runtime/BitcoinTool.B",
            "CryptoCurrency:Runtime/BitcoinTool.B!DNS",
            "Impact:Runtime/BitcoinDomainRequest.Reputation",
            "Impact:Runtime/CryptoMinerExecuted");

    private GuardDutyFindingTypes() {
    }

    public static boolean cryptomining(String type) {
        return type != null && CRYPTOMINING.contains(type);
    }
}
