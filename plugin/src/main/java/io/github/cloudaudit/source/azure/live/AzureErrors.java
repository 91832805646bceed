package io.github.cloudaudit.source.azure.live;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Why a call failed, in words for a coverage gap: the ARM error code and HTTP status, and what to do about it. */
final class AzureErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AzureErrors() {
    }

    static String reason(Throwable error) {
        if (timedOut(error)) {
            return "timed out: no answer in time, retries included";
        }
        if (error instanceof ManagementException management && management.getValue() != null) {
            return withCode(management.getResponse().getStatusCode(), management.getValue().getCode());
        }
        if (error instanceof HttpResponseException http && http.getResponse() != null) {
            return withCode(http.getResponse().getStatusCode(), null);
        }
        return "no answer: " + firstLine(error.getMessage());
    }

    /** The reason for an answer with this status and an ARM error body ({@code {"error": {"code": ...}}}). */
    static String reason(int status, byte[] body) {
        String code = null;
        try {
            JsonNode error = JSON.readTree(body).path("error").path("code");
            code = error.isTextual() ? error.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            // The status says enough.
        }
        return withCode(status, code);
    }

    private static String withCode(int status, String code) {
        if (status < 300) {
            return "the answer is not the documented JSON (HTTP " + status + ")";
        }
        String said = (code == null || code.isBlank() ? "error" : code) + " (HTTP " + status + ")";
        if (status == 401 || status == 403) {
            return said + ": the identity may not read this; docs/live-azure.md lists the roles the audit needs";
        }
        if (status == 429) {
            return said + ": still throttled after every attempt";
        }
        if (status == 404) {
            return said + ": nothing answers this call here";
        }
        return status >= 500 ? said + ": the service failed to answer" : said;
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
