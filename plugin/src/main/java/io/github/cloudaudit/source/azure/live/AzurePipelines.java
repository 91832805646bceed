package io.github.cloudaudit.source.azure.live;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Configuration;
import com.azure.identity.DefaultAzureCredentialBuilder;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-in and the HTTP pipelines every Azure call goes through: {@code DefaultAzureCredential} (environment,
 * workload identity, managed identity, Azure CLI, ...), a bearer token for the scope of the API called, retries that
 * honour Retry-After, Resource Graph's quota, the read-only guard and the call count. Logs no headers.
 */
public final class AzurePipelines {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final AzureSettings settings;
    private final HttpClient http;
    private final TokenCredential credential;
    private final AzureCalls calls = new AzureCalls();
    private final ResourceGraphQuota quota = new ResourceGraphQuota();
    private final Map<String, HttpPipeline> byScope = new ConcurrentHashMap<>();

    /**
     * @param environment where {@code AZURE_*} variables are read, as the credentials read them
     * @param tls         the TLS context to trust servers by; null for the JVM's own trust store settings
     */
    AzurePipelines(AzureSettings settings, Configuration environment, SSLContext tls) {
        this.settings = settings;
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (tls != null) {
            jdk.sslContext(tls);
        }
        this.http = new JdkHttpClientBuilder(jdk).connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(settings.callTimeout()).readTimeout(settings.callTimeout()).build();
        this.credential = credential(settings, environment, http);
    }

    /**
     * Signs in where {@code AZURE_AUTHORITY_HOST} says, else at the cloud's own authority. Instance discovery asks
     * Microsoft's hosts which authorities exist; a sovereign or private authority is not among them, so for any
     * other host it is off.
     */
    private static TokenCredential credential(AzureSettings settings, Configuration environment, HttpClient http) {
        String authority = environment.get("AZURE_AUTHORITY_HOST");
        if (authority == null || authority.isBlank()) {
            authority = settings.cloud().authorityHost();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().configuration(environment)
                .httpClient(http).addPolicy(new ContentLengthFromBody()).authorityHost(authority.trim());
        if (!AzureCloud.isMicrosoftAuthority(URI.create(authority.trim()))) {
            builder.disableInstanceDiscovery();
        }
        if (settings.tenantId() != null) {
            builder.tenantId(settings.tenantId());
        }
        return builder.build();
    }

    /** The credential, for a client that asks for its own tokens. */
    public TokenCredential credential() {
        return credential;
    }

    /** A pipeline for Resource Manager (and Resource Graph, which answers under it). */
    public HttpPipeline resourceManager() {
        return forScope(settings.cloud().resourceManagerScope());
    }

    /** A pipeline whose bearer tokens are for this scope, e.g. {@link AzureCloud#metricsScope()}. */
    public HttpPipeline forScope(String scope) {
        return byScope.computeIfAbsent(scope, this::pipeline);
    }

    AzureCalls calls() {
        return calls;
    }

    ResourceGraphQuota quota() {
        return quota;
    }

    private HttpPipeline pipeline(String scope) {
        return new HttpPipelineBuilder().httpClient(http).policies(
                new UserAgentPolicy("cloud-audit-maven-plugin"),
                new ReadOnlyRequests(),
                new RetryPolicy(new ExponentialBackoff(settings.maxAttempts() - 1, Duration.ofSeconds(1),
                        Duration.ofSeconds(30))),
                calls,
                quota,
                new BearerTokenAuthenticationPolicy(credential, scope),
                new ContentLengthFromBody()).build();
    }

    /**
     * The JDK's client sets Content-Length itself and logs a warning for every request that sets it, which the SDK
     * does for every body: the header goes when the body's length is known, and the client sends that length.
     */
    private static final class ContentLengthFromBody extends HttpPipelineSyncPolicy {
        @Override
        protected void beforeSendingRequest(HttpPipelineCallContext context) {
            HttpRequest request = context.getHttpRequest();
            BinaryData body = request.getBodyAsBinaryData();
            if (body != null && body.getLength() != null) {
                request.getHeaders().remove(HttpHeaderName.CONTENT_LENGTH);
            }
        }
    }
}
