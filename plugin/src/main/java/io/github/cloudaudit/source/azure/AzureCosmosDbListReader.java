package io.github.cloudaudit.source.azure;

/** {@code az cosmosdb list}: Cosmos DB accounts. */
public final class AzureCosmosDbListReader extends AzureListReader {

    public AzureCosmosDbListReader() {
        super("cosmosdb list", AzureMappings.COSMOS_DB_ACCOUNTS);
    }
}
