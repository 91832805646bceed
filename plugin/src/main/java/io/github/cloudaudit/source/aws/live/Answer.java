package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.aws.AwsCliReader;
import io.github.cloudaudit.source.aws.ResponsePages;
import software.amazon.awssdk.core.SdkPojo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages one listing call returned for one account and region, as the CLI would print them, and whether it was
 * read to its end. Only a complete answer proves that what it does not list is absent.
 */
final class Answer {

    private final AwsCliReader reader;
    private final String operation;
    private final List<ObjectNode> pages = new ArrayList<>();
    private boolean complete;

    Answer(AwsCliReader reader, String operation) {
        this.reader = reader;
        this.operation = operation;
    }

    String operation() {
        return operation;
    }

    List<ObjectNode> pages() {
        return pages;
    }

    void add(SdkPojo page) {
        add(SdkTrees.tree(page));
    }

    /** A page already in the CLI's shape. */
    void add(ObjectNode page) {
        pages.add(page);
    }

    void complete() {
        complete = true;
    }

    /** The elements of every list on every page: instances are counted once per reservation list entry's list. */
    int items() {
        int items = 0;
        for (ObjectNode page : pages) {
            for (JsonNode value : page) {
                items += value.isArray() ? value.size() : 0;
            }
        }
        return items;
    }

    /** Hands the pages to the reader of the same CLI command; an incomplete answer gives facts but proves no absence. */
    void mapInto(InventoryBuilder builder, String account, String region) throws IOException {
        ResponsePages mapped = reader.responsePages(builder, account, region, operation);
        for (ObjectNode page : pages) {
            mapped.page(page);
        }
        if (complete) {
            mapped.end();
        }
    }
}
