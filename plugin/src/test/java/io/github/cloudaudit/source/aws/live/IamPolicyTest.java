package io.github.cloudaudit.source.aws.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/aws-iam-policy.json: the minimal read-only policy. {@link IamPolicyGuard} checks every call against it. */
class IamPolicyTest {

    @Test
    void everyActionIsARead() {
        assertThat(IamPolicyGuard.policyActions()).isNotEmpty()
                .allSatisfy(action -> assertThat(action).matches(IamPolicyGuard.READ_ONLY));
    }

    @Test
    void itHoldsWhatSecurityAuditLacks() {
        assertThat(IamPolicyGuard.policyActions()).contains("cloudwatch:GetMetricData", "ssm:GetInventory");
    }

    @Test
    void theGuardRejectsWritesAndReadsMissingFromThePolicy() {
        assertThat(IamPolicyGuard.allowed("ec2:DescribeInstances")).isTrue();
        assertThat(IamPolicyGuard.allowed("sts:AssumeRole")).isTrue();
        assertThat(IamPolicyGuard.allowed("ec2:RunInstances")).isFalse();
        assertThat(IamPolicyGuard.allowed("ec2:DescribeKeyPairs")).as("a read, but not in the policy").isFalse();
    }
}
