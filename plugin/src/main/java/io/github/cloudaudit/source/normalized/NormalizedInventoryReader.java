package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.ThreatFinding;
import io.github.cloudaudit.source.BindingErrors;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.Signature;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static io.github.cloudaudit.source.normalized.NormalizedFormat.MAPPER;
import static io.github.cloudaudit.source.normalized.NormalizedFormat.SCHEMA_VERSION;

/**
 * Reads the plugin's own inventory format (JSON or YAML), recognized by its top-level {@code schemaVersion}.
 * It streams: each element of {@code servers}, {@code scopes}, {@code networks}, {@code gaps} and {@code threats} is
 * bound on its own and handed to the builder before the next is read. Anything it does not know is an error, so that
 * a misspelt field is never read as "unknown". The format is described in {@code docs/inventory-format.md}.
 */
public final class NormalizedInventoryReader implements InventoryReader {

    /** Binds one list element and hands it on; {@code at} is where the element starts, {@code element} its path. */
    @FunctionalInterface
    private interface ElementHandler<T> {
        void accept(T value, JsonLocation at, String element);
    }

    @Override
    public String format() {
        return "normalized inventory v" + SCHEMA_VERSION;
    }

    @Override
    public boolean accepts(Signature signature) {
        return signature.isObjectWithKey(NormalizedFormat.VERSION_KEY);
    }

    @Override
    public void read(JsonParser parser, ReadContext context) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw context.fail(parser, "expected an object with 'schemaVersion' at the top");
        }
        boolean versionRead = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (NormalizedFormat.SECTIONS.contains(key) && !versionRead) {
                throw context.fail(parser, "expected 'schemaVersion' before '" + key
                        + "', so the file's version is known before its content is read");
            }
            switch (key) {
                case NormalizedFormat.VERSION_KEY -> {
                    checkVersion(parser, context);
                    versionRead = true;
                }
                case NormalizedFormat.COLLECTED_AT -> checkCollectedAt(parser, context);
                case NormalizedFormat.COLLECTOR -> checkCollector(parser, context);
                case NormalizedFormat.SERVERS -> readList(parser, context, key, ServerEntry.class,
                        (entry, at, element) -> addServer(entry, at, element, context));
                case NormalizedFormat.SCOPES -> readList(parser, context, key, Scope.class,
                        (scope, at, element) -> addScope(scope, at, element, context));
                case NormalizedFormat.NETWORKS -> readList(parser, context, key, Network.class,
                        (network, at, element) -> addNetwork(network, at, element, context));
                case NormalizedFormat.GAPS -> readList(parser, context, key, CoverageGap.class,
                        (gap, at, element) -> addGap(gap, at, element, context));
                case NormalizedFormat.THREATS -> readList(parser, context, key, ThreatEntry.class,
                        (threat, at, element) -> addThreat(threat, at, element, context));
                default -> throw context.fail(parser, "unknown top-level field '" + key + "'; expected one of "
                        + String.join(", ", NormalizedFormat.TOP_LEVEL_KEYS));
            }
        }
        if (!versionRead) {
            throw context.fail(parser, "expected a top-level 'schemaVersion'");
        }
    }

    private static void checkVersion(JsonParser parser, ReadContext context) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw context.fail(parser, "expected 'schemaVersion' to be the whole number " + SCHEMA_VERSION);
        }
        long version = parser.getLongValue();
        if (version > SCHEMA_VERSION) {
            throw context.fail(parser, "schemaVersion " + version + " is newer than this plugin supports ("
                    + SCHEMA_VERSION + "); upgrade the plugin");
        }
        if (version < SCHEMA_VERSION) {
            throw context.fail(parser, "schemaVersion " + version + " does not exist; expected " + SCHEMA_VERSION);
        }
    }

    private static void checkCollectedAt(JsonParser parser, ReadContext context) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.VALUE_NULL && (token != JsonToken.VALUE_STRING || !isDateTime(parser.getText()))) {
            throw context.fail(parser, "expected 'collectedAt' to be an ISO date and time with offset, such as "
                    + "2026-11-20T10:00:00Z, found '" + parser.getText() + "'");
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkCollector(JsonParser parser, ReadContext context) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
            throw context.fail(parser, "expected 'collector' to be text");
        }
    }

    private static <T> void readList(JsonParser parser, ReadContext context, String key, Class<T> type,
                                     ElementHandler<T> handler) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw context.fail(parser, "expected '" + key + "' to be a list");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String element = key + "[" + index++ + "]";
            JsonLocation at = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw context.fail(parser, element + ": expected an object");
            }
            T value;
            try {
                value = MAPPER.readValue(parser, type);
            } catch (JsonMappingException e) {
                throw context.fail(BindingErrors.location(e, at), BindingErrors.describe(e, element));
            }
            handler.accept(value, at, element);
        }
    }

    private static void addServer(ServerEntry entry, JsonLocation at, String element, ReadContext context) {
        ServerEntry.Problem problem = entry.problem();
        if (problem != null) {
            throw context.fail(at, problem.at(element));
        }
        try {
            context.dates().check(element + ".launchedOn", entry.launchedOn());
            context.dates().check(element + ".stateSince", entry.stateSince());
        } catch (IllegalArgumentException implausible) {
            throw context.fail(at, implausible.getMessage());
        }
        context.builder().server(entry.toServer(context.origin(at)));
    }

    private static void addScope(Scope scope, JsonLocation at, String element, ReadContext context) {
        require(scope.provider() != null, context, at, element, "expected 'provider' (aws or azure)");
        require(present(scope.account()), context, at, element,
                "expected 'account', the AWS account id or Azure subscription id");
        context.builder().scope(scope);
    }

    private static void addNetwork(Network network, JsonLocation at, String element, ReadContext context) {
        require(network.provider() != null, context, at, element, "expected 'provider' (aws or azure)");
        require(present(network.id()), context, at, element, "expected 'id', the VPC or virtual network id");
        context.builder().network(network);
    }

    private static void addGap(CoverageGap gap, JsonLocation at, String element, ReadContext context) {
        require(present(gap.what()), context, at, element,
                "expected 'what', the data that could not be collected (e.g. ec2:DescribeInstances)");
        context.builder().gap(gap);
    }

    /** A threat finding as written, where any field may be missing; {@link #addThreat} says which one is. */
    private record ThreatEntry(Provider provider, String account, String serverId, String service, String type,
                               Boolean cryptomining, LocalDate firstSeen, LocalDate lastSeen, Integer count) {
    }

    private static void addThreat(ThreatEntry threat, JsonLocation at, String element, ReadContext context) {
        require(threat.provider() != null, context, at, element, "expected 'provider' (aws or azure)");
        require(present(threat.account()) && present(threat.serverId()), context, at, element,
                "expected 'account' and 'serverId', the server the threat-detection service reports on");
        require(present(threat.service()) && present(threat.type()), context, at, element,
                "expected 'service' (e.g. GuardDuty) and 'type', the finding type or alert name");
        require(threat.count() != null && threat.count() >= 1, context, at, element,
                "expected 'count', how many times it was seen (1 or more)");
        context.builder().threat(new ThreatFinding(threat.provider(), threat.account(), threat.serverId(),
                threat.service(), threat.type(), Boolean.TRUE.equals(threat.cryptomining()), threat.firstSeen(),
                threat.lastSeen(), threat.count()));
    }

    private static void require(boolean condition, ReadContext context, JsonLocation at, String element,
                                String expected) {
        if (!condition) {
            throw context.fail(at, element + ": " + expected);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
