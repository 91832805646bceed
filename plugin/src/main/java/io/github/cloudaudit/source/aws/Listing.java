package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.ReadContext;

import java.util.HashSet;
import java.util.Set;

/**
 * One listing being read, from a CLI output file or from an API's response pages: where it came from, which lists
 * it held and whether it was complete.
 */
final class Listing {

    /** A fact that holds only because a complete listing was read, e.g. {@link InventoryBuilder#alarmsCollected}. */
    @FunctionalInterface
    interface CompleteListingFact {
        void record(Provider provider, String account, String region);
    }

    private final InventoryBuilder builder;
    private final String command;
    private final String place;
    private final String placeAccount;
    private final String placeRegion;
    private final Set<String> listsRead = new HashSet<>();
    private boolean truncated;

    /**
     * @param place        the file or API call, for messages
     * @param placeAccount the account the file's folders or the API call name, null when unknown
     * @param placeRegion  the region the file's folders or the API call name, null when unknown
     */
    Listing(InventoryBuilder builder, String command, String place, String placeAccount, String placeRegion) {
        this.builder = builder;
        this.command = command;
        this.place = place;
        this.placeAccount = placeAccount;
        this.placeRegion = placeRegion;
    }

    static Listing ofFile(ReadContext context, String command) {
        return new Listing(context.builder(), command, context.path(), context.folderAccount(), context.folderRegion());
    }

    InventoryBuilder builder() {
        return builder;
    }

    /** True when the output held the list under this key (even an empty one). */
    boolean hasList(String key) {
        return listsRead.contains(key);
    }

    /** The file or API call, for messages. */
    String place() {
        return place;
    }

    /** The account named by the file's folders or the API call; null when unknown. */
    String placeAccount() {
        return placeAccount;
    }

    /** The region named by the file's folders or the API call; null when unknown. */
    String placeRegion() {
        return placeRegion;
    }

    /** The account the data names, else the one the place names; null when neither does. */
    String account(String fromData) {
        return fromData != null ? fromData : placeAccount;
    }

    /** The region the data names, else the one the place names; null when neither does. */
    String region(String fromData) {
        return fromData != null ? fromData : placeRegion;
    }

    /** The account and region from the data where it names them, else from the place; fails when unknown. */
    AwsLocation location(String dataAccount, String dataRegion) {
        return AwsLocation.require(place, command, account(dataAccount), region(dataRegion));
    }

    /**
     * Records that everything this command lists was read for an account and region, so that what is missing from
     * it is absent. An output cut short by paging proves nothing of the kind: then a coverage gap says so instead.
     */
    void complete(AwsLocation where, CompleteListingFact fact) {
        if (truncated) {
            builder.gap(new CoverageGap(Provider.AWS, where.account(), where.region(), "aws " + command,
                    place + " holds a NextToken, so only its first page was saved; "
                            + "save the whole output (without --max-items) to have it checked"));
        } else {
            fact.record(Provider.AWS, where.account(), where.region());
        }
    }

    void listRead(String key) {
        listsRead.add(key);
    }

    boolean anyListRead() {
        return !listsRead.isEmpty();
    }

    /** True when the output holds a NextToken: only its first page was saved. */
    boolean isTruncated() {
        return truncated;
    }

    void truncated() {
        truncated = true;
    }
}
