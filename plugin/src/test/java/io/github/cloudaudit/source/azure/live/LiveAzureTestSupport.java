package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;

import java.time.Duration;

/** The audit's REST calls as the live source makes them, signed in at the local server. */
final class LiveAzureTestSupport {

    /** Three retries with a short back-off, so that throttling tests take milliseconds where no Retry-After is sent. */
    static final RetryOptions FAST_RETRIES = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(3)
            .setBaseDelay(Duration.ofMillis(10)).setMaxDelay(Duration.ofMillis(100)));

    private LiveAzureTestSupport() {
    }

    /** Calls with a token for the scope, from DefaultAzureCredential signed in as the test's service principal. */
    static AzureRest rest(AzureTestServer server, String scope) {
        return new AzureRest(new DefaultAzureCredentialBuilder().configuration(server.environment())
                .authorityHost(server.baseUrl()).disableInstanceDiscovery()
                .httpClient(AzureTestServer.httpClient()).build(), scope, AzureTestServer.httpClient(), FAST_RETRIES);
    }
}
