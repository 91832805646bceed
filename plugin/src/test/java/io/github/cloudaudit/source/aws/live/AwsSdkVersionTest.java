package io.github.cloudaudit.source.aws.live;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

import static org.assertj.core.api.Assertions.assertThat;

class AwsSdkVersionTest {

    /**
     * From 2.40.6 the CloudWatch client speaks Smithy RPC v2 CBOR, which moto 5.2.1 does not serve (moto #9195):
     * the live tests would lose CloudWatch. Raise the BOM past 2.40.5 only with a moto that serves it, and this test.
     */
    @Test
    void theSdkIsOlderThanTheCloudWatchCborSwitch() {
        String[] version = VersionInfo.SDK_VERSION.split("[.-]");
        int major = Integer.parseInt(version[0]);
        int minor = Integer.parseInt(version[1]);
        int patch = Integer.parseInt(version[2]);

        assertThat(major == 2 && (minor < 40 || minor == 40 && patch < 6))
                .as("AWS SDK %s is 2.40.6 or later: CloudWatch speaks CBOR, which moto does not serve", VersionInfo.SDK_VERSION)
                .isTrue();
    }
}
