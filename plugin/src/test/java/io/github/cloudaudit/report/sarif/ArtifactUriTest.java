package io.github.cloudaudit.report.sarif;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactUriTest {

    @Test
    void relativePathsUseForwardSlashesAndTheInventoryBase() {
        assertThat(ArtifactUri.of("inventory\\aws\\servers.json"))
                .isEqualTo(new ArtifactUri("inventory/aws/servers.json", "INVENTORY"));
    }

    @Test
    void charactersAUriCannotHoldArePercentEncoded() {
        assertThat(ArtifactUri.of("exports/100% prod/sørvere #1.json").uri())
                .isEqualTo("exports/100%25%20prod/s%C3%B8rvere%20%231.json");
    }

    @Test
    void aColonInTheFirstSegmentIsNotReadAsAScheme() {
        assertThat(ArtifactUri.of("aws:prod/servers.json").uri()).isEqualTo("./aws:prod/servers.json");
    }

    @Test
    void absolutePathsBecomeFileUris() {
        Path absolute = Path.of("inventory", "servers.json").toAbsolutePath();

        ArtifactUri uri = ArtifactUri.of(absolute.toString());

        assertThat(uri.uri()).startsWith("file:/").endsWith("/inventory/servers.json");
        assertThat(uri.baseId()).isNull();
    }
}
