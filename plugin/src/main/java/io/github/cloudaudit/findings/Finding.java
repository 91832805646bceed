package io.github.cloudaudit.findings;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.text.SafeText;
import io.github.cloudaudit.text.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One thing a rule found about one resource.
 *
 * @param ruleId       the rule's stable id
 * @param severity     after raising for hosted databases and data classification
 * @param provider     cloud of the resource, null for findings about the audit itself
 * @param account      account or subscription
 * @param region       region, null when account-wide
 * @param resourceId   the cloud's own id of the resource (or the scope, for account-wide findings)
 * @param resourceName a human name, null when none
 * @param message      one or two sentences in plain words
 * @param evidence     the facts that led to the finding
 * @param verified     false when the rule could not verify (data missing) and reports that instead of staying silent
 * @param origin       where the resource was read from, null for findings about the audit itself
 * @param related      fingerprints of the findings a composite finding is made of
 * @param suppression  the suppression that applies, null when none
 * @param texts        the message and evidence as bundle keys and arguments, for reports in other languages; null
 *                     for a finding told in English only (its message and evidence are then all there is)
 */
public record Finding(String ruleId, Severity severity, Provider provider, String account, String region,
                      String resourceId, String resourceName, String message, List<String> evidence,
                      boolean verified, Origin origin, List<String> related, Suppression suppression,
                      Texts texts) {

    /**
     * The message and evidence before they are rendered: {@link #message} and {@link #evidence} are their English
     * rendering, which findings.json, SARIF, JUnit and the build log keep as stable text.
     *
     * @param name the resource name when the audit made it up in words (the scope of a gap), null for the resource's
     *             own name, which no language changes
     */
    public record Texts(Text message, List<Text> evidence, Text name) {
        public Texts {
            evidence = List.copyOf(evidence);
        }

        public Texts(Text message, List<Text> evidence) {
            this(message, evidence, null);
        }
    }

    /** A finding told in English only. */
    public Finding(String ruleId, Severity severity, Provider provider, String account, String region,
                   String resourceId, String resourceName, String message, List<String> evidence,
                   boolean verified, Origin origin, List<String> related, Suppression suppression) {
        this(ruleId, severity, provider, account, region, resourceId, resourceName, message, evidence, verified, origin,
                related, suppression, null);
    }

    /**
     * Every text a finding carries may quote the inventory, and a finding is repeated in the log and in every report:
     * its texts are capped here, once, so that output grows with the number of findings and not with the length of
     * a tag. The full values stay with the resource in findings.json.
     */
    public Finding {
        account = cap(account);
        region = cap(region);
        resourceId = cap(resourceId);
        resourceName = cap(resourceName);
        message = cap(message);
        evidence = capped(evidence);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** Stable across runs: the same rule on the same resource gives the same fingerprint. */
    public String fingerprint() {
        String identity = ruleId + "|" + provider + "|" + account + "|" + resourceId;
        byte[] hash = sha256().digest(identity.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    /**
     * A digest copied from one made once: looking the algorithm up for each of a million fingerprints cost more than
     * hashing, and so did a digest per thread, in Maven's thread that holds many other thread-locals.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
        }
    }

    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A plain loop: this runs for each of the hundreds of thousands of findings of a large audit. */
    private static List<String> capped(List<String> lines) {
        String[] capped = new String[lines.size()];
        for (int i = 0; i < capped.length; i++) {
            capped[i] = cap(lines.get(i));
        }
        return List.of(capped);
    }

    private static String cap(String text) {
        return SafeText.cap(text, SafeText.MAX_LENGTH);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    /** This finding at another severity, for rules that weigh it themselves. */
    public Finding withSeverity(Severity changed) {
        return new Finding(ruleId, changed, provider, account, region, resourceId, resourceName, message, evidence,
                verified, origin, related, suppression, texts);
    }

    /** This finding made of others: a composite rule names the fingerprints of the findings it builds on. */
    public Finding withRelated(List<String> fingerprints) {
        return new Finding(ruleId, severity, provider, account, region, resourceId, resourceName, message, evidence,
                verified, origin, fingerprints, suppression, texts);
    }

    public Finding withSuppression(Suppression applied) {
        return new Finding(ruleId, severity, provider, account, region, resourceId, resourceName, message, evidence,
                verified, origin, related, applied, texts);
    }
}
