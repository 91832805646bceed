package io.github.cloudaudit.report.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's Content-Security-Policy: nothing may be loaded from anywhere, and only the report's own style sheet
 * and script may run, pinned by their SHA-256 hashes. Images are allowed only as {@code data:} URLs (the favicon).
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    static String forInline(String css, String script) {
        return "default-src 'none'; style-src " + hash(css) + "; script-src " + hash(script)
                + "; img-src data:; base-uri 'none'; form-action 'none'";
    }

    /** A CSP source expression for an inline element's exact text. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
