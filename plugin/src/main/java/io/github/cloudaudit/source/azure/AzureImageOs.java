package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.OperatingSystem;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operating system (and, for SQL Server images, the database engine) of an Azure Marketplace image, from its
 * publisher, offer and SKU. Publishers spell versions in the SKU ({@code 16.04-LTS}, {@code 2012-R2-Datacenter},
 * {@code 7_9}) or in the offer ({@code debian-10}, {@code sles-15-sp5}, {@code SQL2014SP3-WS2012R2}); each rule
 * looks in the SKU first, then in the offer. Versions come out as the lifecycle tables spell them.
 */
final class AzureImageOs {

    /** What an image tells; engine is null for images without a database. */
    record Detected(OperatingSystem os, DatabaseEngine engine) {
    }

    private record Rule(String product, Pattern publisher, Pattern offer, Pattern version,
                        Function<Matcher, String> format) {

        boolean applies(String publisher, String offer) {
            return this.publisher.matcher(publisher).matches() && this.offer.matcher(offer).find();
        }

        /** The version from the SKU, else from the offer; null when neither names one. */
        String version(String offer, String sku) {
            for (String text : new String[] {sku, offer}) {
                Matcher matcher = version.matcher(text);
                if (matcher.find()) {
                    return format.apply(matcher);
                }
            }
            return null;
        }
    }

    private static final Pattern ANY = Pattern.compile("");
    private static final Function<Matcher, String> FIRST = m -> m.group(1);
    private static final Function<Matcher, String> DOTTED = m -> m.group(1) + "." + m.group(2);
    private static final Function<Matcher, String> YEAR_R2 = m -> m.group(1) + (m.group(2) != null ? " R2" : "");
    private static final Function<Matcher, String> SERVICE_PACK =
            m -> m.group(1) + (m.group(2) != null ? " SP" + m.group(2) : "");

    private static final Pattern SQL_SERVER_PUBLISHER = Pattern.compile("(?i)MicrosoftSQLServer");

    /** First matching rule wins; SQL Server images name their OS inside the offer ({@code -WS2012R2}, {@code -ubuntu2004}). */
    private static final List<Rule> OS_RULES = List.of(
            rule("ubuntu", "(?i)Canonical", ANY, "(\\d{2})[._](\\d{2})", DOTTED),
            rule("windows-server", "(?i)MicrosoftWindowsServer", Pattern.compile("(?i)^WindowsServer"),
                    "(?i)(20\\d\\d)(?:[-_ ]?(R2))?", YEAR_R2),
            rule("windows-server", SQL_SERVER_PUBLISHER.pattern(), Pattern.compile("(?i)-WS20"),
                    "(?i)WS(20\\d\\d)(R2)?", YEAR_R2),
            rule("ubuntu", SQL_SERVER_PUBLISHER.pattern(), Pattern.compile("(?i)-ubuntu"),
                    "(?i)ubuntu(\\d{2})(\\d{2})", DOTTED),
            rule("rhel", SQL_SERVER_PUBLISHER.pattern(), Pattern.compile("(?i)-rhel"), "(?i)rhel(10|[5-9])", FIRST),
            rule("sles", SQL_SERVER_PUBLISHER.pattern(), Pattern.compile("(?i)-sles"),
                    "(?i)sles(1[1-5])(?:sp(\\d))?", SERVICE_PACK),
            // RHEL SKUs start with the major version: 7-LVM, 7.9, 8_6, 86-gen2 (8.6), 9-lvm-gen2.
            rule("rhel", "(?i)RedHat", Pattern.compile("(?i)^RHEL"), "^(10|[5-9])", FIRST),
            rule("centos", "(?i)OpenLogic", Pattern.compile("(?i)^CentOS"), "^(\\d)", FIRST),
            rule("debian", "(?i)Debian", Pattern.compile("(?i)^debian"), "(?<![\\d.])(\\d{1,2})(?![\\d.])", FIRST),
            rule("sles", "(?i)SUSE", Pattern.compile("(?i)^SLES"), "(?i)(1[1-5])(?:[-_ .]?SP(\\d))?", SERVICE_PACK));

    private static final Pattern SQL_SERVER_ENGINE = Pattern.compile("(?i)^SQL(20\\d\\d)(R2)?");

    private AzureImageOs() {
    }

    static Detected detect(String publisher, String offer, String sku) {
        String p = publisher == null ? "" : publisher;
        String o = offer == null ? "" : offer;
        String s = sku == null ? "" : sku;
        String description = p + ":" + o + ":" + s;
        OperatingSystem os = new OperatingSystem(null, null, description);
        for (Rule rule : OS_RULES) {
            if (rule.applies(p, o)) {
                os = new OperatingSystem(rule.product(), rule.version(o, s), description);
                break;
            }
        }
        return new Detected(os, engine(p, o));
    }

    /** An OS known only as "Windows" or "Linux" (a VM made from a disk or a private image): product unknown. */
    static OperatingSystem family(String osType) {
        return osType == null ? null : new OperatingSystem(null, null, osType);
    }

    private static DatabaseEngine engine(String publisher, String offer) {
        return SQL_SERVER_PUBLISHER.matcher(publisher).matches() ? sqlServerOffer(offer) : null;
    }

    /** The SQL Server release a SQL Server image offer names ({@code SQL2014SP3-WS2012R2}: 2014); null for other offers. */
    static DatabaseEngine sqlServerOffer(String offer) {
        Matcher matcher = SQL_SERVER_ENGINE.matcher(offer == null ? "" : offer);
        return matcher.find() ? new DatabaseEngine("sqlserver", YEAR_R2.apply(matcher)) : null;
    }

    private static Rule rule(String product, String publisher, Pattern offer, String version,
                             Function<Matcher, String> format) {
        return new Rule(product.toLowerCase(Locale.ROOT), Pattern.compile(publisher), offer, Pattern.compile(version), format);
    }
}
