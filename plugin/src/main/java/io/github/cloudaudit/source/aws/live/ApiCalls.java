package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.source.CallCounts;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Locale;
import java.util.Map;

/** Counts the HTTP requests sent, retries included, by operation ({@code ec2:DescribeInstances}). */
public final class ApiCalls implements ExecutionInterceptor {

    /** Marks every call the audit makes, so that tests can tell them from the calls that set their stage up. */
    public static final ExecutionAttribute<Boolean> AUDIT_CALL = new ExecutionAttribute<>("CloudAuditCall");

    private final CallCounts counts = new CallCounts();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts.add(operation(attributes));
    }

    /** The IAM action of the call being made: the service's prefix and the operation, e.g. {@code rds:DescribeDBInstances}. */
    public static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** Requests by operation, sorted by name. */
    public Map<String, Long> byOperation() {
        return counts.byOperation();
    }

    public long total() {
        return counts.total();
    }
}
