package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource Graph and the subscription list as the REST API documents them, over rows that tests add. A query
 * reads its table ({@code resources} or {@code securityresources}), keeps the rows of the request's subscriptions
 * and of the types in its {@code type in~ (...)}, and pages with an opaque {@code $skipToken} at {@code $top} rows
 * (at most {@link #pageSize}). Every answer carries the quota headers; a client that sends more queries in a window
 * than the quota allows is answered 429, as the service does.
 */
public final class ResourceGraphFake extends StubbedFake {

    static final String NAME = "azure-resource-graph-fake";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TYPES = Pattern.compile("(?i)\\btype\\s+in~\\s*\\(([^)]*)\\)");

    private record Row(String table, String subscription, String type, ObjectNode resource) {
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    private final Map<String, String> foreignTenants = new LinkedHashMap<>();
    private final Set<String> forbidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile Integer retryAfterSeconds;
    private volatile boolean truncate;
    private volatile int pageSize = 1000;
    private volatile int quotaPerWindow = 15;
    private volatile Duration window = Duration.ofSeconds(5);
    private Instant windowStart = Instant.EPOCH;
    private int usedInWindow;
    private volatile int subscriptionsPerPage = 100;
    private volatile String baseUrl;

    ResourceGraphFake() {
        super(NAME);
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void subscription(String subscriptionId, String displayName) {
        subscriptions.put(subscriptionId, displayName);
    }

    void row(String table, ObjectNode armResource) {
        String id = armResource.path("id").asText();
        Matcher subscription = Pattern.compile("(?i)^/subscriptions/([^/]+)").matcher(id);
        String subscriptionId = subscription.find() ? subscription.group(1) : armResource.path("subscriptionId").asText();
        ObjectNode row = armResource.deepCopy();
        // Resource Graph adds these columns to every row, and prints types in lower case.
        row.put("subscriptionId", subscriptionId);
        row.put("tenantId", AzureTestServer.TENANT);
        String type = armResource.path("type").asText().toLowerCase(Locale.ROOT);
        if (armResource.has("type")) {
            row.put("type", type);
        }
        rows.add(new Row(table, subscriptionId, type, row));
    }

    /** A subscription of another tenant that the identity can read too, as through Azure Lighthouse. */
    public void foreignSubscription(String subscriptionId, String tenantId) {
        subscriptions.put(subscriptionId, "Partner " + subscriptionId);
        foreignTenants.put(subscriptionId, tenantId);
    }

    /** The next {@code count} queries are answered 429, with a Retry-After of that many seconds, or none when null. */
    public void throttleNext(int count, Integer retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        throttled.set(count);
    }

    /** Every query that names this subscription is answered 403 AuthorizationFailed, as for a subscription without a role. */
    public void forbid(String subscriptionId) {
        forbidden.add(subscriptionId);
    }

    /** Answers {@code resultTruncated: "true"} without a {@code $skipToken}, as the service does when it cannot page. */
    public void truncate() {
        truncate = true;
    }

    /** The most rows a page holds, whatever {@code $top} asks for; the service's own maximum is 1,000. */
    public void pageSize(int rows) {
        pageSize = rows;
    }

    /** The quota: queries per window, 15 per 5 seconds by default, as the service documents it. */
    public void quota(int queries, Duration window) {
        this.quotaPerWindow = queries;
        this.window = window;
    }

    /** How many subscriptions a page of {@code GET /subscriptions} holds before its {@code nextLink}. */
    public void subscriptionsPerPage(int count) {
        subscriptionsPerPage = count;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        return request.getMethod().getName().equals("GET") ? subscriptionsPage(request) : query(request);
    }

    private ResponseDefinition subscriptionsPage(Request request) {
        List<Map.Entry<String, String>> all = new ArrayList<>(subscriptions.entrySet());
        String skip = request.queryParameter("$skiptoken").isPresent()
                ? request.queryParameter("$skiptoken").firstValue() : "0";
        int from = Integer.parseInt(skip);
        int to = Math.min(from + subscriptionsPerPage, all.size());
        ObjectNode page = JSON.createObjectNode();
        ArrayNode value = page.putArray("value");
        for (Map.Entry<String, String> subscription : all.subList(from, to)) {
            value.addObject().put("id", "/subscriptions/" + subscription.getKey())
                    .put("authorizationSource", "RoleBased").put("subscriptionId", subscription.getKey())
                    .put("tenantId", foreignTenants.getOrDefault(subscription.getKey(), AzureTestServer.TENANT))
                    .put("displayName", subscription.getValue())
                    .put("state", "Enabled");
        }
        if (to < all.size()) {
            page.put("nextLink", baseUrl + "/subscriptions?api-version="
                    + request.queryParameter("api-version").firstValue() + "&$skiptoken=" + to);
        }
        page.putObject("count").put("type", "Total").put("value", all.size());
        return json(200, page).build();
    }

    private ResponseDefinition query(Request request) {
        JsonNode body = parse(request.getBodyAsString());
        List<String> asked = new ArrayList<>();
        body.path("subscriptions").forEach(s -> asked.add(s.asText()));
        Quota quota = spend();
        if (throttled.getAndUpdate(n -> Math.max(n - 1, 0)) > 0 || quota.remaining < 0) {
            ResponseDefinitionBuilder tooMany = error(429, "RateLimiting",
                    "Please provide below info when asking for support: timestamp = " + Instant.now());
            if (retryAfterSeconds != null || quota.remaining < 0) {
                tooMany.withHeader("Retry-After", String.valueOf(retryAfterSeconds != null ? retryAfterSeconds
                        : Math.max(1, quota.resetsAfter.toSeconds())));
            }
            return quota.headers(tooMany).build();
        }
        for (String subscription : asked) {
            if (forbidden.contains(subscription)) {
                return quota.headers(error(403, "AuthorizationFailed", "The client '" + AzureTestServer.CLIENT_ID
                        + "' does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' "
                        + "over scope '/subscriptions/" + subscription + "'")).build();
            }
        }
        String query = body.path("query").asText();
        String table = query.trim().split("[\\s|]", 2)[0].toLowerCase(Locale.ROOT);
        Set<String> types = types(query);
        Set<String> scope = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        scope.addAll(asked);
        List<ObjectNode> matching = rows.stream()
                .filter(row -> row.table.equals(table) && scope.contains(row.subscription)
                        && (types == null || types.contains(row.type)))
                .map(Row::resource).toList();
        JsonNode options = body.path("options");
        int from = options.hasNonNull("$skipToken") ? offset(options.get("$skipToken").asText()) : 0;
        int top = Math.min(options.path("$top").asInt(100), pageSize);
        int to = Math.min(from + top, matching.size());
        ObjectNode page = JSON.createObjectNode();
        page.put("totalRecords", matching.size()).put("count", to - from);
        page.put("resultTruncated", truncate && to < matching.size() ? "true" : "false");
        if (to < matching.size() && !truncate) {
            page.put("$skipToken", token(to));
        }
        page.putArray("data").addAll(matching.subList(from, to));
        page.putArray("facets");
        return quota.headers(json(200, page)).build();
    }

    private record Quota(int remaining, Duration resetsAfter) {
        ResponseDefinitionBuilder headers(ResponseDefinitionBuilder response) {
            long seconds = resetsAfter.toSeconds();
            return response.withHeader("x-ms-user-quota-remaining", String.valueOf(Math.max(remaining, 0)))
                    .withHeader("x-ms-user-quota-resets-after",
                            String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
        }
    }

    /** One query spent from the current window's quota. */
    private synchronized Quota spend() {
        Instant now = Instant.now();
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            usedInWindow = 0;
        }
        usedInWindow++;
        Duration left = Duration.between(now, windowStart.plus(window));
        // hh:mm:ss has whole seconds: round up, so that a client waiting that long finds a new window.
        Duration resetsAfter = Duration.ofSeconds(left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        return new Quota(quotaPerWindow - usedInWindow, resetsAfter);
    }

    private static Set<String> types(String query) {
        Matcher matcher = TYPES.matcher(query);
        if (!matcher.find()) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        for (String quoted : matcher.group(1).split(",")) {
            types.add(quoted.trim().replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT));
        }
        return types;
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(("page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        return Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).substring(5));
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("code", code).put("message", message);
        return json(status, error);
    }

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        try {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
