package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches every SDK call made during the test suite (an SDK global interceptor, listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}). Each call the audit makes must be in
 * docs/aws-iam-policy.json and must be a read: Describe, List, Get, Select or Lookup. {@link Check} fails the test
 * class during which a call broke that rule. Calls the tests make to set moto up are not the audit's and pass.
 */
public final class IamPolicyGuard implements ExecutionInterceptor {

    /** docs/aws-iam-policy.json, found from the plugin module (surefire) or the repository root (exec:java). */
    static final Path POLICY = Path.of("docs", "aws-iam-policy.json").toFile().isFile()
            ? Path.of("docs", "aws-iam-policy.json") : Path.of("..", "docs", "aws-iam-policy.json");
    static final Pattern READ_ONLY = Pattern.compile("[a-z0-9-]+:(Describe|List|Get|Select|Lookup)[A-Za-z0-9]*");
    /** Exchanges the audit's credentials for a role's: it changes nothing, and roleArns need it. */
    static final String ASSUME_ROLE = "sts:AssumeRole";

    private static final Set<String> SEEN = new ConcurrentSkipListSet<>();
    private static final Set<String> BROKEN = new ConcurrentSkipListSet<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(ApiCalls.AUDIT_CALL))) {
            String operation = ApiCalls.operation(attributes);
            SEEN.add(operation);
            if (!allowed(operation)) {
                BROKEN.add(operation);
            }
        }
    }

    /** In the policy and a read, or the role exchange. */
    static boolean allowed(String operation) {
        return operation.equals(ASSUME_ROLE) || READ_ONLY.matcher(operation).matches() && policyActions().contains(operation);
    }

    static Set<String> policyActions() {
        try {
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : new ObjectMapper().readTree(POLICY.toFile()).path("Statement")) {
                statement.path("Action").forEach(action -> actions.add(action.asText()));
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation the audit called so far in this test run. */
    static Set<String> seen() {
        return Set.copyOf(SEEN);
    }

    /** Fails the test class during which the audit made a call outside the policy. */
    public static final class Check implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            assertThat(BROKEN).as("calls the audit made that docs/aws-iam-policy.json does not allow or that are not reads")
                    .isEmpty();
        }
    }
}
