package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.Signature;

import java.io.IOException;
import java.util.Map;

/**
 * {@code az graph query -q "..."}: Azure Resource Graph rows under {@code data}, each mapped by its {@code type}
 * like the CLI list of that type. Rows of other types, and rows a query projected without their type, are not
 * about servers and are passed over. A query may filter anything out, so its rows only ever add facts: they never
 * show that something is absent.
 */
public final class AzureGraphQueryReader implements InventoryReader {

    private static final String DATA = "data";

    @Override
    public String format() {
        return "azure-cli: graph query";
    }

    /** The CLI's own paging keys mark the output even when no row came back; a row with an id and a type does too. */
    @Override
    public boolean accepts(Signature signature) {
        if (signature.isObjectWithKey("skip_token") || signature.isObjectWithKey("total_records")) {
            return true;
        }
        JsonNode row = signature.firstItemUnderKey();
        return signature.isObjectWithKey(DATA) && row != null && row.hasNonNull("id")
                && signature.firstItemUnderKeyType() != null && signature.firstItemUnderKeyType().contains("/");
    }

    @Override
    public void read(JsonParser parser, ReadContext context) throws IOException {
        Map<String, JsonNode> others = AzureItems.read(parser, context, DATA, AzureGraphRows::map);
        JsonNode skipToken = others.get("skip_token");
        if (skipToken != null && !skipToken.isNull()) {
            context.builder().gap(new CoverageGap(Provider.AZURE, null, null,
                    "az graph query results beyond the first page",
                    "the output has a skip_token; rerun with --first 1000 and follow --skip-token"));
        }
    }
}
