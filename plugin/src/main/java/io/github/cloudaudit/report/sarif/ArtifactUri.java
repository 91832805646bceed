package io.github.cloudaudit.report.sarif;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where an inventory file is, as SARIF wants it: an absolute path becomes a {@code file:} URI; a relative path stays
 * relative, with forward slashes, resolved against the {@value #BASE_ID} base.
 *
 * @param uri     a valid URI reference
 * @param baseId  {@value #BASE_ID} for relative paths, null for absolute ones
 */
record ArtifactUri(String uri, String baseId) {

    static final String BASE_ID = "INVENTORY";

    static ArtifactUri of(String file) {
        Path path = asPath(file);
        if (path != null && path.isAbsolute()) {
            return new ArtifactUri(path.toUri().toASCIIString(), null);
        }
        String relative = file.replace('\\', '/');
        // A colon in the first segment would make the reference read as a URI scheme.
        String first = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        if (first.contains(":")) {
            relative = "./" + relative;
        }
        try {
            // This constructor percent-encodes what a URI cannot hold: spaces, '%', non-ASCII letters.
            return new ArtifactUri(new URI(null, null, relative, null).toASCIIString(), BASE_ID);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express '" + file + "' as a URI: " + e.getMessage(), e);
        }
    }

    private static Path asPath(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
