package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the HTTP requests sent, retries included, by operation ({@code ec2:DescribeInstances}). */
public final class ApiCalls implements ExecutionInterceptor {

    /** Marks every call the audit makes, so that tests can tell them from the calls that set their stage up. */
    public static final ExecutionAttribute<Boolean> AUDIT_CALL = new ExecutionAttribute<>("CloudAuditCall");

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        byOperation.computeIfAbsent(operation(attributes), k -> new LongAdder()).increment();
    }

    /** The IAM action of the call being made: the service's prefix and the operation, e.g. {@code rds:DescribeDBInstances}. */
    public static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** Requests by operation, sorted by name. */
    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
