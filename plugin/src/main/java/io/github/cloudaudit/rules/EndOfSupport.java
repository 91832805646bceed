package io.github.cloudaudit.rules;

import io.github.cloudaudit.lifecycle.Release;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dates and sentences the two end-of-support rules share. */
final class EndOfSupport {

    private EndOfSupport() {
    }

    /** Support lasts through its last day, so a release is out of support only from the day after. */
    static boolean passed(LocalDate endOfSupport, LocalDate auditDate) {
        return endOfSupport.isBefore(auditDate);
    }

    /** "support for X ended on D, N ago" */
    static Text ended(TextArg what, LocalDate endOfSupport, LocalDate auditDate) {
        return Text.of("endOfSupport.ended", what, Phrases.dateAgo(endOfSupport, auditDate));
    }

    /** What the table says about paid extended support for the release, if anything. */
    static Optional<Text> extendedSupport(Optional<Release> release, LocalDate auditDate) {
        LocalDate end = release.map(Release::endOfExtendedSupport).orElse(null);
        if (end == null) {
            return Optional.empty();
        }
        if (passed(end, auditDate)) {
            return Optional.of(Text.of("endOfSupport.extendedEnded", Phrases.dateAgo(end, auditDate)));
        }
        return Optional.of(Text.of("endOfSupport.extendedRuns", end));
    }

    /** A message followed by the extended-support sentence, when there is one. */
    static Text withExtendedSupport(Text message, Optional<Release> release, LocalDate auditDate) {
        return extendedSupport(release, auditDate).map(s -> Text.of("endOfSupport.thenExtended", message, s))
                .orElse(message);
    }

    /** The dates behind a finding, for its evidence. */
    static List<Text> evidence(String label, LocalDate endOfSupport, Optional<Release> release,
                               LocalDate auditDate) {
        List<Text> evidence = new ArrayList<>();
        evidence.add(Text.of("endOfSupport.evidence.release", label));
        evidence.add(Text.of("endOfSupport.evidence.end", endOfSupport));
        release.map(Release::endOfExtendedSupport)
                .ifPresent(end -> evidence.add(Text.of("endOfSupport.evidence.extendedEnd", end)));
        evidence.add(Text.of("endOfSupport.evidence.auditDate", auditDate));
        return evidence;
    }
}
