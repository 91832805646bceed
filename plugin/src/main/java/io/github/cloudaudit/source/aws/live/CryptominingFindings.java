package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.GetFindingsResponse;
import software.amazon.awssdk.services.guardduty.model.ListFindingsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GuardDuty's findings of crypto-mining, as {@code aws guardduty get-findings} prints them ({@code {"Findings": [...]}}):
 * ListFindings filtered to the mining types, then GetFindings for at most 50 ids a call (the API's limit).
 */
final class CryptominingFindings {

    static final int IDS_PER_CALL = 50;

    /** The finding types GuardDuty raises for mining, on EC2 and with Runtime Monitoring. */
    static final List<String> TYPES = List.of("CryptoCurrency:EC2/BitcoinTool.B", "CryptoCurrency:EC2/BitcoinTool.B!DNS",
            "Impact:EC2/BitcoinDomainRequest.Reputation", "CryptoCurrency:Runtime/BitcoinTool.B",
            "CryptoCurrency:Runtime/BitcoinTool.B!DNS", "Impact:Runtime/BitcoinDomainRequest.Reputation",
            "Impact:Runtime/CryptoMinerExecuted");

    private CryptominingFindings() {
    }

    /** The ids of the mining findings a detector holds, every page. */
    static List<String> ids(GuardDutyClient guardDuty, String detectorId) {
        List<String> ids = new ArrayList<>();
        for (ListFindingsResponse page : guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId)
                .findingCriteria(c -> c.criterion(Map.of("type", Condition.builder().equalsValue(TYPES).build()))))) {
            ids.addAll(page.findingIds());
        }
        return ids;
    }

    /** One GetFindings call per batch of at most {@link #IDS_PER_CALL} ids. */
    static List<Supplier<Iterable<GetFindingsResponse>>> calls(GuardDutyClient guardDuty, String detectorId,
                                                               List<String> ids) {
        List<Supplier<Iterable<GetFindingsResponse>>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(from + IDS_PER_CALL, ids.size()));
            calls.add(() -> List.of(guardDuty.getFindings(r -> r.detectorId(detectorId).findingIds(batch))));
        }
        return calls;
    }
}
