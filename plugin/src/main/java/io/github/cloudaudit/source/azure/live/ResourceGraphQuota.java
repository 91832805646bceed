package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps to Resource Graph's quota: every answer says how many queries are left in the current window
 * ({@code x-ms-user-quota-remaining}) and when it resets ({@code x-ms-user-quota-resets-after}, hh:mm:ss). When
 * none is left, the next query, a retry included, waits for the reset instead of being throttled; a 429 without
 * Retry-After says none is left, so its retry waits for the reset too.
 */
final class ResourceGraphQuota extends HttpPipelineSyncPolicy {

    private static final Pattern GRAPH = Pattern.compile("(?i)/providers/Microsoft\\.ResourceGraph/resources");
    private static final Pattern HH_MM_SS = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})(\\.\\d+)?");
    /** The quota window is seconds long; a longer wait is no quota but a broken header, and the 429 will say so. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private Instant notBefore = Instant.EPOCH;
    private Duration waited = Duration.ZERO;

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        if (!isQuery(context)) {
            return;
        }
        Duration wait;
        synchronized (this) {
            wait = Duration.between(Instant.now(), notBefore);
            if (!wait.isNegative() && !wait.isZero()) {
                waited = waited.plus(wait);
            }
        }
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Resource Graph quota", e);
            }
        }
    }

    @Override
    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
        if (isQuery(context)) {
            String remaining = response.getHeaderValue("x-ms-user-quota-remaining");
            Duration resetsAfter = duration(response.getHeaderValue("x-ms-user-quota-resets-after"));
            if (remaining != null && resetsAfter != null && remaining.trim().matches("-?\\d+")
                    && Integer.parseInt(remaining.trim()) <= 0) {
                synchronized (this) {
                    notBefore = Instant.now().plus(resetsAfter);
                }
            }
        }
        return response;
    }

    /** How long queries waited for the quota so far. */
    synchronized Duration waited() {
        return waited;
    }

    private static boolean isQuery(HttpPipelineCallContext context) {
        return GRAPH.matcher(context.getHttpRequest().getUrl().getPath()).matches();
    }

    /** hh:mm:ss as the header gives it; null when absent or in another form, as then there is nothing to wait for. */
    static Duration duration(String hhMmSs) {
        if (hhMmSs == null) {
            return null;
        }
        Matcher matcher = HH_MM_SS.matcher(hhMmSs.trim());
        if (!matcher.matches()) {
            return null;
        }
        if (matcher.group(1).length() > 2) {
            return LONGEST_WAIT;
        }
        long millis = matcher.group(4) == null ? 0 : Math.round(Double.parseDouble("0" + matcher.group(4)) * 1000);
        Duration said = Duration.ofHours(Integer.parseInt(matcher.group(1)))
                .plusMinutes(Integer.parseInt(matcher.group(2))).plusSeconds(Integer.parseInt(matcher.group(3)))
                .plusMillis(millis);
        return said.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : said;
    }
}
