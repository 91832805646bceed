package io.github.cloudaudit.source.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArnAndZoneTest {

    @Test
    void arnsGiveTheirAccountAndRegionWhereTheyHaveThem() {
        assertThat(Arn.parse("arn:aws:rds:eu-north-1:123456789012:db:billing-mysql"))
                .contains(new Arn("aws", "rds", "eu-north-1", "123456789012", "db:billing-mysql"));
        assertThat(Arn.parse("arn:aws:logs:eu-north-1:123456789012:log-group:vpc-flow-logs:*").orElseThrow().resource())
                .isEqualTo("log-group:vpc-flow-logs:*");
        assertThat(Arn.accountOf("arn:aws:iam::123456789012:role/flow-logs")).isEqualTo("123456789012");
        assertThat(Arn.regionOf("arn:aws:iam::123456789012:role/flow-logs")).isNull();
        assertThat(Arn.accountOf("arn:aws:s3:::flow-logs-bucket")).isNull();
        assertThat(Arn.regionOf("arn:aws-us-gov:cloudwatch:us-gov-west-1:123456789012:alarm:cpu")).isEqualTo("us-gov-west-1");
        assertThat(Arn.parse("flow-logs-bucket")).isEmpty();
        assertThat(Arn.parse("arn:aws:s3")).isEmpty();
        assertThat(Arn.accountOf(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"eu-north-1a, eu-north-1", "us-west-2-lax-1a, us-west-2", "us-east-1-wl1-bos-wlz-1, us-east-1",
            "us-gov-west-1b, us-gov-west-1", "ap-southeast-4c, ap-southeast-4", "not-a-zone, ", ", "})
    void availabilityZonesNameTheirRegion(String zone, String region) {
        assertThat(AwsLocation.regionOfZone(zone)).isEqualTo(region);
    }
}
