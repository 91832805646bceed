package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.util.Context;
import io.github.cloudaudit.source.CallCounts;

import java.util.Map;

/**
 * Counts the HTTP requests sent, retries included, by operation: the name a call gives in its {@link #call context},
 * e.g. {@code resourcegraph:resources}.
 */
public final class AzureCalls extends HttpPipelineSyncPolicy {

    private static final String OPERATION = "cloudaudit.operation";

    private final CallCounts counts = new CallCounts();

    /** The context to send a call with, so that it is counted under its operation's name. */
    public static Context call(String operation) {
        return new Context(OPERATION, operation);
    }

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        String operation = context.getData(OPERATION).map(String::valueOf)
                .orElse(context.getHttpRequest().getHttpMethod() + " " + context.getHttpRequest().getUrl().getPath());
        counts.add(operation);
    }

    @Override
    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
        return response;
    }

    /** Requests by operation, sorted by name. */
    public Map<String, Long> byOperation() {
        return counts.byOperation();
    }

    public long total() {
        return counts.total();
    }
}
