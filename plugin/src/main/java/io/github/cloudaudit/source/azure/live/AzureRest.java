package io.github.cloudaudit.source.azure.live;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.text.SafeText;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-only REST calls to Azure APIs that no SDK of the build covers, through azure-core's pipeline: a bearer token
 * for the API's scope from the audit's credential, retries that wait as long as {@code Retry-After} asks (or back
 * off exponentially without it) on 429, 408 and 5xx answers, and the build's HTTP client. Each call gives the body
 * of a 2xx answer, or a {@link Failed} that says why in words for a coverage gap, never with a token in it.
 */
final class AzureRest {

    /** A call that gave no usable answer; the message is the reason for the coverage gap. */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The context key under which a request carries the name of its operation to the counting policy. */
    private static final String OPERATION = "cloudaudit.operation";
    /** Azure's error messages can be long and quote the caller's object id; the code and a short message suffice. */
    private static final int MAX_MESSAGE = 300;

    private final HttpPipeline pipeline;
    private final Map<String, AtomicLong> sent = new TreeMap<>();

    /**
     * @param scope the token scope of the API, e.g. {@code https://metrics.monitor.azure.com/.default}
     * @param retry how often and how long to retry; the delay a 429 names in {@code Retry-After} wins over it
     */
    AzureRest(TokenCredential credential, String scope, HttpClient httpClient, RetryOptions retry) {
        // The counter sits after the retry policy, so that it counts every attempt, retries included.
        this.pipeline = new HttpPipelineBuilder().httpClient(httpClient)
                .policies(new RetryPolicy(retry), new BearerTokenAuthenticationPolicy(credential, scope),
                        (context, next) -> {
                            count(context.getData(OPERATION).map(Object::toString).orElse("unnamed"));
                            return next.process();
                        })
                .build();
    }

    /** A GET of the URL; {@code operation} names the call in the request counts (e.g. {@code Microsoft.Insights/diagnosticSettings/read}). */
    byte[] get(String operation, String url) throws Failed {
        return send(operation, new HttpRequest(HttpMethod.GET, url));
    }

    /** A POST that only queries, such as {@code metrics:getBatch}, with a JSON body. */
    byte[] query(String operation, String url, JsonNode body) throws Failed {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        try {
            request.setBody(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return send(operation, request);
    }

    /** Requests sent by operation, retries included, sorted by name. */
    synchronized Map<String, Long> sent() {
        Map<String, Long> counts = new TreeMap<>();
        this.sent.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    private synchronized void count(String operation) {
        sent.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    private byte[] send(String operation, HttpRequest request) throws Failed {
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response = pipeline.sendSync(request, new Context(OPERATION, operation))) {
            byte[] body = response.getBodyAsBinaryData().toBytes();
            int status = response.getStatusCode();
            if (status / 100 == 2) {
                return body;
            }
            throw new Failed(reason(status, body));
        } catch (RuntimeException e) {
            // Sign-in failures, timeouts and broken connections, after the retries.
            throw new Failed("no answer: " + SafeText.line(firstLine(e.getMessage())));
        }
    }

    /** {@code HTTP 403 AuthorizationFailed: ...}, with a hint for what the audit can do about it. */
    static String reason(int status, byte[] body) {
        String code = null;
        String message = null;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            code = error.path("code").isTextual() ? error.get("code").asText() : null;
            message = error.path("message").isTextual() ? error.get("message").asText() : null;
        } catch (IOException | RuntimeException e) {
            // Not Azure's error shape (a proxy's page, an empty body): the status says enough.
        }
        String said = "HTTP " + status + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + SafeText.neutralize(SafeText.cap(firstLine(message), MAX_MESSAGE)));
        if (status == 401 || status == 403) {
            return said + " (the identity may not read this; docs/live-azure.md lists the roles the audit needs)";
        }
        if (status == 429) {
            return said + " (throttled, and still throttled after the retries)";
        }
        return status >= 500 ? said + " (the service failed to answer)" : said;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
