package io.github.cloudaudit.rules;

import io.github.cloudaudit.testing.NearTexts;
import io.github.cloudaudit.text.CaseFold;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedMarkersTest {

    private static final List<String> DEFAULTS = OrphanDecommissionedRule.DECOMMISSION_MARKERS.defaultValue();

    /**
     * The quick look never says no to a value that holds a marker: on random texts near the markers and near the tag
     * values of a fleet, with the default markers and with markers beyond ASCII, of one character, and in capitals.
     */
    @Test
    void neverRulesOutAValueThatHoldsAMarker() {
        String[] seeds = {"decommissioned 2023", "old-to-delete", "Retired", "web-eucentral1-00000", "cc-1001",
                "SUNSET-2024", "obsolete", "data-team", "r\u00e9sili\u00e9", "\u0130stanbul", "deprecated", "ax"};
        NearTexts texts = new NearTexts(seeds, "dDeEoOrRtTsSuU-_ 1\u00e9\u00c9\u0130\u017f", 3);
        for (List<String> markers : List.of(DEFAULTS, List.of("R\u00e9sili\u00e9", "\u0130st", "Sunset"),
                List.of("x", "retired"))) {
            FoldedMarkers folded = new FoldedMarkers(markers);
            for (int i = 0; i < 50_000; i++) {
                String value = CaseFold.of(texts.next());
                boolean holdsOne = markers.stream().map(CaseFold::of).anyMatch(value::contains);
                if (holdsOne) {
                    assertThat(folded.mayHoldOne(value)).as("'%s' with markers %s", value, markers).isTrue();
                }
            }
        }
    }

    @Test
    void rulesOutTheNamesIdsAndTeamsOfAFleet() {
        FoldedMarkers folded = new FoldedMarkers(DEFAULTS);

        for (String value : List.of("web-eucentral1-00000", "cc-1001", "legacy-mssql-useast1-01363", "prod",
                "bi-team", "erp-legacy")) {
            assertThat(folded.mayHoldOne(CaseFold.of(value))).as(value).isFalse();
        }
        assertThat(folded.mayHoldOne(CaseFold.of("Decommissioned"))).isTrue();
        assertThat(new FoldedMarkers(List.of("x")).mayHoldOne("prod")).as("a marker of one character").isTrue();
    }

    @Test
    void keepsTheMarkersInTheirOrderFolded() {
        FoldedMarkers folded = new FoldedMarkers(List.of("Retired", "TO-DELETE"));

        assertThat(folded.marker(0)).isEqualTo("retired");
        assertThat(folded.marker(1)).isEqualTo("to-delete");
    }
}
