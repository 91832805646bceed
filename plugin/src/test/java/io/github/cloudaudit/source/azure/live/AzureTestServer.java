package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Azure as the SDK sees it, on https://127.0.0.1 with a test certificate that {@link #httpClient()} (or
 * {@link #TRUST_STORE} in a forked JVM) trusts: Microsoft Entra ID's token endpoint
 * ({@code POST /{tenant}/oauth2/v2.0/token}), Resource Manager's subscription list ({@code GET /subscriptions}) and
 * Resource Graph ({@code POST /providers/Microsoft.ResourceGraph/resources}) over an estate of ARM resources that
 * tests add with {@link #resource} and {@link #securityResource}. Every request is recorded ({@link #requests()}).
 *
 * <p>Faults are switched on per test: {@link ResourceGraphFake#throttleNext}, {@link ResourceGraphFake#forbid},
 * {@link ResourceGraphFake#truncate}, {@link ResourceGraphFake#quota}. Metrics are answered for any VM once
 * {@link #answerMetrics()} is called; other calls (diagnostic settings) and exact metrics answers are stubbed on
 * {@link #wireMock()}; stubs at a priority below 10 win over the fakes.
 */
public final class AzureTestServer implements AutoCloseable {

    public static final String TENANT = "7c4f2a10-3b8e-4d21-9f6a-0e5d4c3b2a19";
    public static final String CLIENT_ID = "5e0b9c7d-1a2f-4e3d-8c6b-a9f8e7d6c5b4";
    /** A secret and an access token with words in them that no log, report or message may ever hold. */
    public static final String CLIENT_SECRET = "client-secret-never-logged-5Qx";
    public static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token-never-logged-9Zk";

    /** The stores of the test certificate (SAN 127.0.0.1 and localhost), see src/test/resources/tls/README.md. */
    public static final Path KEY_STORE = resource("/tls/azure-test-server.p12");
    public static final Path TRUST_STORE = resource("/tls/azure-test-trust.p12");
    public static final String STORE_PASSWORD = "cloud-audit-tests";

    public static final String GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources";
    public static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    private final WireMockServer wireMock;
    private final ResourceGraphFake graph = new ResourceGraphFake();
    private final MetricsBatchFake metrics = new MetricsBatchFake();

    private AzureTestServer() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(KEY_STORE.toString()).keystorePassword(STORE_PASSWORD).keyManagerPassword(STORE_PASSWORD)
                .keystoreType("PKCS12").extensions(graph, metrics));
    }

    /** A started server with the token endpoint, the subscription list and Resource Graph answering. */
    public static AzureTestServer start() {
        AzureTestServer server = new AzureTestServer();
        server.wireMock.start();
        server.graph.baseUrl(server.baseUrl());
        server.wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"%s"}"""
                        .formatted(ACCESS_TOKEN))));
        server.wireMock.stubFor(get(urlPathEqualTo("/subscriptions")).atPriority(10)
                .willReturn(aResponse().withTransformers(ResourceGraphFake.NAME)));
        server.wireMock.stubFor(post(urlPathMatching("(?i)" + GRAPH_PATH)).atPriority(10)
                .willReturn(aResponse().withTransformers(ResourceGraphFake.NAME)));
        return server;
    }

    /** {@code https://127.0.0.1:<port>}: the authority host and the Resource Manager endpoint alike. */
    public String baseUrl() {
        return "https://127.0.0.1:" + wireMock.httpsPort();
    }

    /** The WireMock server itself, for stubs of other calls and faults the fakes do not offer. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /**
     * Answers every {@code metrics:getBatch} call from now on with {@link MetricsBatchFake}'s points, below the
     * priority of a test's own stubs.
     */
    public MetricsBatchFake answerMetrics() {
        wireMock.stubFor(post(urlPathMatching("/subscriptions/[^/]+/metrics:getBatch")).atPriority(10)
                .willReturn(aResponse().withTransformers(MetricsBatchFake.NAME)));
        return metrics;
    }

    /** The Resource Graph and subscription fake, for its faults. */
    public ResourceGraphFake graph() {
        return graph;
    }

    /** A subscription the identity can read, listed by {@code GET /subscriptions}. */
    public AzureTestServer subscription(String subscriptionId, String displayName) {
        graph.subscription(subscriptionId, displayName);
        return this;
    }

    /** A row of Resource Graph's {@code resources} table: an ARM resource, whose id names its subscription. */
    public AzureTestServer resource(ObjectNode armResource) {
        graph.row("resources", armResource);
        return this;
    }

    /** A row of the {@code securityresources} table: a Defender plan or alert. */
    public AzureTestServer securityResource(ObjectNode armResource) {
        graph.row("securityresources", armResource);
        return this;
    }

    /**
     * What {@code DefaultAzureCredential} reads from the environment to sign in as the test's service principal
     * at this server: tenant, client id and secret, and the authority host.
     */
    public Configuration environment() {
        Map<String, String> variables = Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT_ID,
                "AZURE_CLIENT_SECRET", CLIENT_SECRET, "AZURE_AUTHORITY_HOST", baseUrl());
        return new ConfigurationBuilder(source -> Map.of(), source -> Map.of(), source -> variables).build();
    }

    /** An HTTP client for the SDK that trusts the test certificate, and nothing else. */
    public static HttpClient httpClient() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sslContext()))
                .connectionTimeout(Duration.ofSeconds(5)).build();
    }

    /** The HTTP status of every Resource Graph answer, in order: a client that keeps to the quota sees no 429. */
    public List<Integer> graphStatuses() {
        List<Integer> statuses = new ArrayList<>(wireMock.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().toLowerCase().startsWith(GRAPH_PATH.toLowerCase()))
                .map(event -> event.getResponse().getStatus()).toList());
        Collections.reverse(statuses);
        return statuses;
    }

    /** Every request the server received, in the order it received them. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(wireMock.getAllServeEvents().stream()
                .map(ServeEvent::getRequest).toList());
        Collections.reverse(requests); // WireMock lists the newest first
        return requests;
    }

    /** The Resource Graph queries received, 429s included. */
    public List<LoggedRequest> graphQueries() {
        return requests().stream().filter(r -> r.getUrl().toLowerCase().startsWith(GRAPH_PATH.toLowerCase()))
                .toList();
    }

    @Override
    public void close() {
        wireMock.stop();
    }

    /** A TLS context that trusts the test certificate, and nothing else. */
    public static SSLContext sslContext() {
        try (InputStream in = AzureTestServer.class.getResourceAsStream("/tls/azure-test-trust.p12")) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, STORE_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the test trust store cannot be read", e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(AzureTestServer.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
