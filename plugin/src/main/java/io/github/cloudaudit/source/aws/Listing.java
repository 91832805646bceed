package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.ReadContext;

import java.util.HashSet;
import java.util.Set;

/** One CLI output file being read: where it came from, which lists it held and whether it was complete. */
final class Listing {

    /** A fact that holds only because a complete listing was read, e.g. {@link InventoryBuilder#alarmsCollected}. */
    @FunctionalInterface
    interface CompleteListingFact {
        void record(Provider provider, String account, String region);
    }

    private final ReadContext context;
    private final String command;
    private final Set<String> listsRead = new HashSet<>();
    private boolean truncated;

    Listing(ReadContext context, String command) {
        this.context = context;
        this.command = command;
    }

    ReadContext context() {
        return context;
    }

    InventoryBuilder builder() {
        return context.builder();
    }

    /** True when the output held the list under this key (even an empty one). */
    boolean hasList(String key) {
        return listsRead.contains(key);
    }

    /** The account the data names, else the one the folders name; null when neither does. */
    String account(String fromData) {
        return fromData != null ? fromData : context.folderAccount();
    }

    /** The region the data names, else the one the folders name; null when neither does. */
    String region(String fromData) {
        return fromData != null ? fromData : context.folderRegion();
    }

    /** The account and region from the data where it names them, else from the folders; fails when unknown. */
    AwsLocation location(String dataAccount, String dataRegion) {
        return AwsLocation.require(context, command, account(dataAccount), region(dataRegion));
    }

    /**
     * Records that everything this command lists was read for an account and region, so that what is missing from
     * it is absent. An output cut short by paging proves nothing of the kind: then a coverage gap says so instead.
     */
    void complete(AwsLocation where, CompleteListingFact fact) {
        if (truncated) {
            builder().gap(new CoverageGap(Provider.AWS, where.account(), where.region(), "aws " + command,
                    context.path() + " holds a NextToken, so only its first page was saved; "
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
