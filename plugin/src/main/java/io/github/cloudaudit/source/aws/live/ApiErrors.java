package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/** Why a call failed, in words for a coverage gap: the error code and HTTP status, and what to do about it. */
final class ApiErrors {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedAccess", "AuthorizationError", "NotAuthorized");
    private static final Set<String> UNSUPPORTED = Set.of("InvalidAction", "UnsupportedOperation",
            "UnknownOperationException", "OptInRequired", "SubscriptionRequiredException");

    private ApiErrors() {
    }

    static String reason(SdkException error) {
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return "timed out: no answer in time, retries included";
        }
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String said = (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")";
            if (code != null && DENIED.contains(code)) {
                return said + ": the credentials may not make this read-only call; docs/aws-iam-policy.json lists what the audit needs";
            }
            if (code != null && UNSUPPORTED.contains(code) || service.statusCode() == 404) {
                return said + ": the service does not answer this call in this account and region";
            }
            return service.statusCode() >= 500 ? said + ": the service failed to answer" : said;
        }
        return "no answer: " + firstLine(error.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
