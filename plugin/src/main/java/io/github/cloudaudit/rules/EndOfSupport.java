package io.github.cloudaudit.rules;

import io.github.cloudaudit.lifecycle.Release;

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

    /** "Support for X ended on D, N ago." */
    static String ended(String what, LocalDate endOfSupport, LocalDate auditDate) {
        return "support for " + what + " ended on " + Phrases.dateAgo(endOfSupport, auditDate);
    }

    /** What the table says about paid extended support for the release, if anything. */
    static Optional<String> extendedSupport(Optional<Release> release, LocalDate auditDate) {
        LocalDate end = release.map(Release::endOfExtendedSupport).orElse(null);
        if (end == null) {
            return Optional.empty();
        }
        if (passed(end, auditDate)) {
            return Optional.of("Paid extended support ended too, on " + Phrases.dateAgo(end, auditDate) + ".");
        }
        return Optional.of("Paid extended support runs until " + end
                + ", but only if it has been bought for this server.");
    }

    /** The dates behind a finding, for its evidence. */
    static List<String> evidence(String label, LocalDate endOfSupport, Optional<Release> release,
                                 LocalDate auditDate) {
        List<String> evidence = new ArrayList<>();
        evidence.add("release: " + label);
        evidence.add("end of support: " + endOfSupport);
        release.map(Release::endOfExtendedSupport)
                .ifPresent(end -> evidence.add("end of paid extended support: " + end));
        evidence.add("audit date: " + auditDate);
        return evidence;
    }
}
