package io.github.cloudaudit.source.azure.live;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only REST calls to Azure APIs that no SDK of the build covers (the metrics batch API, diagnostic settings),
 * through a pipeline of {@link AzurePipelines}: bearer token, retries that honour Retry-After, the read-only guard
 * and the call count. A call gives the body of a 2xx answer, or {@link Failed} with the reason for a coverage gap.
 */
final class RestCalls {

    /** A call that gave no usable answer; the message is the reason for the coverage gap. */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Entra ID's error code in a refused sign-in; the rest of its message may quote what was sent. */
    private static final Pattern ENTRA_ERROR = Pattern.compile("AADSTS\\d+");

    private RestCalls() {
    }

    static byte[] get(HttpPipeline pipeline, String operation, String url) throws Failed {
        return send(pipeline, operation, new HttpRequest(HttpMethod.GET, url));
    }

    /** A POST that only queries, such as {@code metrics:getBatch}, with a JSON body. */
    static byte[] query(HttpPipeline pipeline, String operation, String url, JsonNode body) throws Failed {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        try {
            request.setBody(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return send(pipeline, operation, request);
    }

    private static byte[] send(HttpPipeline pipeline, String operation, HttpRequest request) throws Failed {
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response = pipeline.sendSync(request, AzureCalls.call(operation))) {
            byte[] body = response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() / 100 == 2) {
                return body;
            }
            throw new Failed(AzureErrors.reason(response.getStatusCode(), body));
        } catch (ClientAuthenticationException e) {
            // A token for this API's scope was refused; only Entra ID's code is kept, as the message may quote secrets.
            Matcher code = ENTRA_ERROR.matcher(String.valueOf(e.getMessage()));
            throw new Failed("sign-in for this API was refused" + (code.find() ? " (" + code.group() + ")" : "")
                    + "; docs/live-azure.md lists the roles the audit needs");
        } catch (IllegalStateException e) {
            throw e; // the read-only guard refused to send: a bug to fail on, not a gap to report
        } catch (RuntimeException e) {
            throw new Failed(AzureErrors.reason(e));
        }
    }
}
