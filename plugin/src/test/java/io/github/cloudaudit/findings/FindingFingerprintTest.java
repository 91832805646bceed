package io.github.cloudaudit.findings;

import io.github.cloudaudit.model.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Baselines written by earlier versions name findings by fingerprint: the value must never change. */
class FindingFingerprintTest {

    private static Finding finding(String rule, Provider provider, String account, String id) {
        return new Finding(rule, Severity.HIGH, provider, account, "eu-north-1", id, "name", "message", List.of(),
                true, null, List.of(), null);
    }

    @Test
    void theFingerprintIsTheFirstHalfOfTheSha256OfRuleProviderAccountAndResource() {
        // Values worked out outside Java: the first 16 bytes, in hex, of SHA-256 over "rule|PROVIDER|account|id".
        assertThat(finding("legacy-os", Provider.AWS, "123456789012", "i-0abc").fingerprint())
                .isEqualTo("7adb13982870206c7299c2b82e7ab075");
        assertThat(finding("monitoring-no-cpu-alarm", Provider.AZURE, "Sub-Ä", "/subscriptions/S/VM-1").fingerprint())
                .isEqualTo("5e2094f8f51d086de553b930df414f1b");
    }

    @Test
    void findingsFingerprintedOnManyThreadsAtOnceGetTheirOwnFingerprints() {
        Set<String> fingerprints = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel()
                .forEach(i -> fingerprints.add(finding("legacy-os", Provider.AWS, "123456789012", "i-" + i).fingerprint()));

        assertThat(fingerprints).hasSize(20_000);
        assertThat(fingerprints).contains(finding("legacy-os", Provider.AWS, "123456789012", "i-7").fingerprint());
    }
}
