package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;

import java.util.regex.Pattern;

/**
 * Refuses to send anything that could change an estate: only GETs go out, and the two POSTs that read: a Resource
 * Graph query and a metrics batch. The roles docs/live-azure.md asks for allow no more; this holds even if an
 * identity has more.
 */
final class ReadOnlyRequests extends HttpPipelineSyncPolicy {

    private static final Pattern READING_POSTS = Pattern.compile(
            "(?i)/providers/Microsoft\\.ResourceGraph/resources|.*/metrics:getBatch");

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        HttpRequest request = context.getHttpRequest();
        boolean reads = request.getHttpMethod() == HttpMethod.GET || request.getHttpMethod() == HttpMethod.POST
                && READING_POSTS.matcher(request.getUrl().getPath()).matches();
        if (!reads) {
            throw new IllegalStateException("the audit only reads: it does not send " + request.getHttpMethod()
                    + " " + request.getUrl().getPath());
        }
    }
}
