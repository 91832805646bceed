package io.github.cloudaudit.source;

import io.github.cloudaudit.model.OperatingSystem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes an operating system and its release in the text clouds give about a machine image: AMI names and
 * descriptions, EC2 platform details, Azure publisher, offer and SKU. Products and versions are spelled as the
 * built-in lifecycle table ({@code operating-systems.yaml}) spells them, so that a detected version finds its
 * end-of-support date there: {@code ubuntu 14.04}, {@code windows-server 2012 R2}, {@code sles 15 SP5}.
 */
public final class OperatingSystemDetector {

    /** Separators seen between the words of image names: {@code suse-sles-15-sp5}, {@code RHEL_HA-8.4}, {@code 22_04}. */
    private static final String SEP = "[-_ ]*";

    private static final Map<String, String> UBUNTU_CODENAMES = Map.ofEntries(
            Map.entry("precise", "12.04"), Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"),
            Map.entry("yakkety", "16.10"), Map.entry("zesty", "17.04"), Map.entry("artful", "17.10"),
            Map.entry("bionic", "18.04"), Map.entry("cosmic", "18.10"), Map.entry("disco", "19.04"),
            Map.entry("eoan", "19.10"), Map.entry("focal", "20.04"), Map.entry("groovy", "20.10"),
            Map.entry("hirsute", "21.04"), Map.entry("impish", "21.10"), Map.entry("jammy", "22.04"),
            Map.entry("kinetic", "22.10"), Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"),
            Map.entry("noble", "24.04"), Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"),
            Map.entry("questing", "25.10"), Map.entry("resolute", "26.04"));

    private static final Map<String, String> DEBIAN_CODENAMES = Map.of(
            "wheezy", "7", "jessie", "8", "stretch", "9", "buster", "10", "bullseye", "11", "bookworm", "12",
            "trixie", "13");

    /**
     * Tried in order; the first that matches decides. Within a product the versioned spellings come before the
     * bare product name, and products whose names contain others' version numbers come first (Amazon Linux 2023
     * before Amazon Linux 2).
     */
    private static final List<Recognizer> RECOGNIZERS = List.of(
            new Recognizer("windows-server", "windows" + SEP + "server" + SEP + "(\\d{4})(?:" + SEP + "(r2))?(?!\\d)",
                    m -> m.group(1) + (m.group(2) != null ? " R2" : "")),
            // EC2 platform details: "Windows", "Windows with SQL Server Standard", "Windows BYOL".
            new Recognizer("windows-server", "^windows(?:$|\\s+with\\s|\\s+byol)", m -> null),
            new Recognizer("amazon-linux", "\\bal2023\\b|amazon" + SEP + "linux" + SEP + "2023", m -> "2023"),
            new Recognizer("amazon-linux", "\\bamzn2\\b|amazon" + SEP + "linux" + SEP + "2(?!\\d)", m -> "2"),
            // The first Amazon Linux (2010.11 to 2018.03 releases) is "amzn-ami-..." / "Amazon Linux AMI".
            new Recognizer("amazon-linux", "\\bamzn1?\\b|amazon" + SEP + "linux" + SEP + "ami", m -> "1"),
            new Recognizer("amazon-linux", "amazon" + SEP + "linux", m -> null),
            new Recognizer("sles", "(?<!open)(?:\\bsles|suse" + SEP + "linux" + SEP + "enterprise" + SEP + "server)"
                    + "(?:" + SEP + "(?:for" + SEP + ")?(?:sap|byos|hpc|chost)(?:" + SEP + "applications)?)*"
                    + SEP + "(\\d{2})(?:" + SEP + "sp" + SEP + "(\\d))?(?!\\d)",
                    m -> m.group(1) + (m.group(2) != null ? " SP" + m.group(2) : "")),
            new Recognizer("sles", "(?<!open)\\bsuse|\\bsles\\b", m -> null),
            new Recognizer("rhel", "(?:rhel|red" + SEP + "hat" + SEP + "enterprise" + SEP + "linux(?:" + SEP + "server)?)"
                    + "(?:" + SEP + "(?:ha|sap|byos|els|for" + SEP + "sap|with" + SEP + "ha)\\b)*" + SEP + "(\\d{1,2})(?!\\d)",
                    m -> m.group(1)),
            new Recognizer("rhel", "rhel|red" + SEP + "hat", m -> null),
            new Recognizer("centos", "centos" + SEP + "stream(?:" + SEP + "ec2)?" + SEP + "(\\d{1,2})(?!\\d)",
                    m -> m.group(1) + "-stream"),
            new Recognizer("centos", "centos(?:" + SEP + "linux)?" + SEP + "(\\d{1,2})(?!\\d)", m -> m.group(1)),
            new Recognizer("centos", "centos", m -> null),
            new Recognizer("debian", "debian(?:" + SEP + "gnu/linux)?" + SEP + "(\\d{1,2})(?!\\d)", m -> m.group(1)),
            new Recognizer("debian", "debian.*?\\b(" + String.join("|", DEBIAN_CODENAMES.keySet()) + ")\\b",
                    m -> DEBIAN_CODENAMES.get(m.group(1).toLowerCase(Locale.ROOT))),
            new Recognizer("debian", "debian", m -> null),
            new Recognizer("ubuntu", "ubuntu.*?(?<![\\d.])(\\d{2})[._](04|10)(?![\\d])", m -> m.group(1) + "." + m.group(2)),
            new Recognizer("ubuntu", "ubuntu.*?\\b(" + String.join("|", UBUNTU_CODENAMES.keySet()) + ")\\b",
                    m -> UBUNTU_CODENAMES.get(m.group(1).toLowerCase(Locale.ROOT))),
            new Recognizer("ubuntu", "ubuntu", m -> null));

    private OperatingSystemDetector() {
    }

    private static final int REMEMBERED = 10_000;
    private static final Map<String, Optional<OperatingSystem>> RECOGNIZED = new ConcurrentHashMap<>();

    /** The operating system one text names, with the text as its description; empty when it names none. */
    public static Optional<OperatingSystem> recognize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // An export repeats a few platform and image texts for every instance; each is matched once, up to a
        // bound, so that a file of endlessly different texts costs time, not memory.
        Optional<OperatingSystem> known = RECOGNIZED.get(text);
        if (known != null) {
            return known;
        }
        Optional<OperatingSystem> matched = match(text);
        if (RECOGNIZED.size() < REMEMBERED) {
            RECOGNIZED.put(text, matched);
        }
        return matched;
    }

    private static Optional<OperatingSystem> match(String text) {
        for (Recognizer recognizer : RECOGNIZERS) {
            Matcher matcher = recognizer.pattern().matcher(text);
            if (matcher.find()) {
                return Optional.of(new OperatingSystem(recognizer.product(), recognizer.version().apply(matcher), text));
            }
        }
        return Optional.empty();
    }

    /**
     * The best reading of several texts about the same image (name, description, platform): the first that names
     * a version, else the first that names a product, else an unrecognized system described by the first text.
     * Null when every text is empty.
     */
    public static OperatingSystem detect(String... texts) {
        OperatingSystem productOnly = null;
        String firstText = null;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            firstText = firstText == null ? text : firstText;
            Optional<OperatingSystem> os = recognize(text);
            if (os.isPresent() && os.get().version() != null) {
                return os.get();
            }
            if (productOnly == null && os.isPresent()) {
                productOnly = os.get();
            }
        }
        if (productOnly != null) {
            return productOnly;
        }
        return firstText == null ? null : new OperatingSystem(null, null, firstText);
    }

    private record Recognizer(String product, Pattern pattern, Function<MatchResult, String> version) {

        Recognizer(String product, String regex, Function<MatchResult, String> version) {
            this(product, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), version);
        }
    }
}
