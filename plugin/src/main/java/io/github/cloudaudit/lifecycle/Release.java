package io.github.cloudaudit.lifecycle;

import java.time.LocalDate;
import java.util.List;

/**
 * One release line of a product and the day its support ends.
 *
 * @param version              as the vendor names it, e.g. {@code 14.04}, {@code 2012 R2}, {@code 5.7}
 * @param label                display name, e.g. {@code Ubuntu 14.04 LTS}
 * @param endOfSupport         after this day the release is legacy
 * @param endOfExtendedSupport paid extended support end, null when none is documented
 * @param aliases              other spellings (codenames, build number prefixes)
 */
public record Release(String version, String label, LocalDate endOfSupport, LocalDate endOfExtendedSupport,
                      List<String> aliases) {

    public Release {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
