package io.github.cloudaudit.source.azure.live;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import com.azure.resourcemanager.resourcegraph.models.ResultTruncated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryFormatException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@link GraphQuery queries} for batches of subscriptions and pages through their answers with
 * {@code $skipToken}, 1,000 rows a page. Each row goes to a handler as it comes; a subscription whose rows were not
 * all read becomes a coverage gap naming it and the query, and the next batch goes on.
 */
final class ResourceGraph {

    /** Resource Graph takes at most 1,000 subscriptions in one request. */
    static final int SUBSCRIPTIONS_PER_QUERY = 1000;
    /** The most rows a page may hold. */
    static final int ROWS_PER_PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where rows go: mapped into the inventory as they come. */
    @FunctionalInterface
    interface Rows {
        void row(JsonNode row, Origin origin);
    }

    /** What one query showed: the subscriptions it read completely, and gaps for the others. */
    record Result(Set<String> complete, List<CoverageGap> gaps) {
    }

    private final ResourceGraphManager manager;

    ResourceGraph(HttpPipeline resourceManager, String baseUrl) {
        AzureEnvironment environment = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", baseUrl));
        manager = ResourceGraphManager.authenticate(resourceManager, new AzureProfile(null, null, environment));
    }

    /** Reads the query for every subscription, in batches the service accepts. */
    Result read(GraphQuery query, List<String> subscriptions, Rows rows) {
        Result result = new Result(new HashSet<>(), new ArrayList<>());
        for (int from = 0; from < subscriptions.size(); from += SUBSCRIPTIONS_PER_QUERY) {
            readBatch(query, subscriptions.subList(from, Math.min(from + SUBSCRIPTIONS_PER_QUERY,
                    subscriptions.size())), rows, result);
        }
        return result;
    }

    /**
     * One batch, page by page. When its first page is refused (403), some subscription of the batch denies the
     * identity: each half is read on its own until the ones that deny are alone, so that they cost no more than
     * their own gaps.
     */
    private void readBatch(GraphQuery query, List<String> batch, Rows rows, Result result) {
        String skipToken = null;
        Set<String> tokensSeen = new HashSet<>();
        int page = 0;
        do {
            QueryResponse answer;
            try {
                answer = manager.resourceProviders().resourcesWithResponse(request(query, batch, skipToken),
                        AzureCalls.call(query.operation())).getValue();
            } catch (RuntimeException e) {
                if (page == 0 && batch.size() > 1 && status(e) == 403) {
                    readBatch(query, batch.subList(0, batch.size() / 2), rows, result);
                    readBatch(query, batch.subList(batch.size() / 2, batch.size()), rows, result);
                } else {
                    gaps(query, batch, AzureErrors.reason(e), result);
                }
                return;
            }
            page++;
            hand(query, batch, answer, page, rows);
            skipToken = answer.skipToken();
            if (skipToken == null && answer.resultTruncated() == ResultTruncated.TRUE) {
                gaps(query, batch, "the service truncated the results and gave no $skipToken to read the rest", result);
                return;
            }
            if (skipToken != null && !tokensSeen.add(skipToken)) {
                gaps(query, batch, "the service gave the same $skipToken twice; the rest cannot be read", result);
                return;
            }
        } while (skipToken != null);
        result.complete().addAll(batch);
    }

    private static QueryRequest request(GraphQuery query, List<String> batch, String skipToken) {
        return new QueryRequest().withSubscriptions(List.copyOf(batch)).withQuery(query.kql())
                .withOptions(new QueryRequestOptions().withTop(ROWS_PER_PAGE).withSkipToken(skipToken)
                        .withResultFormat(ResultFormat.OBJECT_ARRAY));
    }

    /** Each row of a page to the handler; a row that is not a resource is a clear error naming the page and row. */
    private static void hand(GraphQuery query, List<String> batch, QueryResponse answer, int page, Rows rows) {
        Origin pageOrigin = Origin.apiCall(batch.size() == 1 ? batch.get(0) : batch.size() + " subscriptions",
                null, query.operation());
        if (!(answer.data() instanceof List<?> data)) {
            throw InventoryFormatException.at(pageOrigin, "page " + page + ": expected 'data' to be a list of rows");
        }
        for (int i = 0; i < data.size(); i++) {
            JsonNode row = JSON.valueToTree(data.get(i));
            String where = "page " + page + ", row " + (i + 1);
            if (!row.isObject()) {
                throw InventoryFormatException.at(pageOrigin, where + ": expected a resource (a JSON object), found "
                        + row);
            }
            String subscription = row.path("subscriptionId").asText(pageOrigin.account());
            Origin origin = Origin.apiCall(subscription, null, query.operation());
            try {
                rows.row(row, origin);
            } catch (InventoryFormatException e) {
                String prefix = origin.describe() + ": ";
                String expected = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                        : e.getMessage();
                throw InventoryFormatException.at(origin, where + " (" + row.path("id").asText("no id") + "): "
                        + expected);
            }
        }
    }

    private static void gaps(GraphQuery query, List<String> batch, String reason, Result result) {
        for (String subscription : batch) {
            result.gaps().add(new CoverageGap(Provider.AZURE, subscription, null, query.operation(), reason));
        }
    }

    private static int status(RuntimeException error) {
        return error instanceof HttpResponseException http && http.getResponse() != null
                ? http.getResponse().getStatusCode() : 0;
    }
}
