package io.github.cloudaudit.model;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A server in the normalized inventory: a virtual machine or a managed database.
 * Every nullable field means "the inventory does not tell".
 *
 * @param id             the cloud's own id: EC2 instance id, RDS DB instance identifier, Azure resource id
 * @param name           a human name (Name tag, VM name), null when none
 * @param type           instance type, VM size or DB instance class
 * @param launchedOn     launch or creation date
 * @param stateSince     since when the server has been in its current power state
 * @param image          image name, marketplace offer or engine description: evidence for OS and database detection
 * @param networkIds     VPCs or virtual networks it sits in
 * @param ingress        inbound rules that reach it
 * @param publiclyAccessible a managed database reachable from the internet (null for VMs or unknown)
 * @param attachedDisks  number of disks attached, null when unknown
 * @param origin         where it was read from: a place in an inventory file or an API call
 */
public record Server(Provider provider, ResourceKind kind, String id, String name, String account, String region,
                     String type, PowerState state, LocalDate launchedOn, LocalDate stateSince,
                     OperatingSystem os, DatabaseEngine engine, String image, Map<String, String> tags,
                     List<String> networkIds, List<IngressRule> ingress, Boolean publiclyAccessible,
                     Integer attachedDisks, Monitoring monitoring, CpuStatistics cpu, Origin origin) {

    public Server {
        // One copy of each account and region for the whole inventory, not one per server as each was read: a fleet
        // has a few of them, and sorting and indexing a hundred thousand servers' findings compares them millions of
        // times, which the same copy answers at once.
        account = account == null ? null : account.intern();
        region = region == null ? null : region.intern();
        tags = tags == null ? Map.of() : caseInsensitive(tags);
        networkIds = networkIds == null ? List.of() : List.copyOf(networkIds);
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        monitoring = monitoring == null ? Monitoring.UNKNOWN : monitoring;
    }

    /**
     * The tags in a map that ignores case. Keys and values are kept as one shared copy each: a fleet repeats a
     * handful of keys and values (owner, env=prod) on every server, and a hundred thousand servers held a copy of
     * each per server, tens of megabytes that every garbage collection moved again.
     */
    private static Map<String, String> caseInsensitive(Map<String, String> tags) {
        if (tags instanceof Tags made) {
            // Already made here, and nobody can change it: a server rebuilt from another keeps its tags as they are.
            return made;
        }
        return Tags.of(tags);
    }

    /**
     * The tags of a server: read-only, looked up case-insensitively, in the order of their keys. They are held as two
     * sorted arrays rather than a tree map: the trees of a hundred thousand servers were over half a million objects,
     * which the garbage collector traced again and again in a large audit.
     */
    private static final class Tags extends AbstractMap<String, String> {

        private static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER;

        private final String[] keys;
        private final String[] values;

        private Tags(String[] keys, String[] values) {
            this.keys = keys;
            this.values = values;
        }

        /**
         * The tags as a {@link java.util.TreeMap} in {@link String#CASE_INSENSITIVE_ORDER} holds them after putting
         * each in turn: of keys that differ only in case, the first spelling stays, with the last value.
         */
        static Tags of(Map<String, String> tags) {
            String[] keys = new String[tags.size()];
            String[] values = new String[tags.size()];
            int size = 0;
            for (Entry<String, String> tag : tags.entrySet()) {
                String key = Objects.requireNonNull(tag.getKey(), "a tag key");
                String value = tag.getValue() == null ? "" : tag.getValue().intern();
                int at = Arrays.binarySearch(keys, 0, size, key, ORDER);
                if (at >= 0) {
                    values[at] = value;
                    continue;
                }
                int insert = -at - 1;
                System.arraycopy(keys, insert, keys, insert + 1, size - insert);
                System.arraycopy(values, insert, values, insert + 1, size - insert);
                keys[insert] = key.intern();
                values[insert] = value;
                size++;
            }
            return size == keys.length ? new Tags(keys, values)
                    : new Tags(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }

        private int indexOf(Object key) {
            return key instanceof String text ? Arrays.binarySearch(keys, text, ORDER) : -1;
        }

        @Override
        public String get(Object key) {
            int at = indexOf(key);
            return at >= 0 ? values[at] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            for (int i = 0; i < keys.length; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, String> entry = Map.entry(keys[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }

    /** A tag's value; keys are compared case-insensitively, as clouds and people spell them differently. */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /** The name to show people: the name if known, otherwise the id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    /**
     * The order servers are listed in, and findings about them: by account, then id, each as text ("null" when there
     * is none). Servers share one copy of each account, so most comparisons of a large fleet end at its identity.
     */
    public static int listingOrder(String account, String id, String otherAccount, String otherId) {
        int byAccount = account == otherAccount ? 0 : String.valueOf(account).compareTo(String.valueOf(otherAccount));
        return byAccount != 0 ? byAccount : String.valueOf(id).compareTo(String.valueOf(otherId));
    }

    /** A key that is unique across providers and accounts. */
    public String key() {
        return key(provider, account, id);
    }

    /** The {@link #key()} of the server with this provider, account and id, for looking servers up by what names them. */
    public static String key(Provider provider, String account, String id) {
        // Each part is lowered on its own, which gives the same key: accounts and ids are mostly lower case already,
        // and then no copy of them is made for each of the hundreds of thousands of keys of a large audit.
        return lower(provider) + "/" + lower(account) + "/" + lower(id);
    }

    private static String lower(Object part) {
        return String.valueOf(part).toLowerCase(Locale.ROOT);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().provider(provider).kind(kind).id(id).name(name).account(account).region(region)
                .type(type).state(state).launchedOn(launchedOn).stateSince(stateSince).os(os).engine(engine)
                .image(image).tags(tags).networkIds(networkIds).ingress(ingress)
                .publiclyAccessible(publiclyAccessible).attachedDisks(attachedDisks).monitoring(monitoring)
                .cpu(cpu).origin(origin);
    }

    /** Builds a server field by field; sources and tests use it instead of the long constructor. */
    public static final class Builder {
        private Provider provider;
        private ResourceKind kind = ResourceKind.VIRTUAL_MACHINE;
        private String id;
        private String name;
        private String account;
        private String region;
        private String type;
        private PowerState state;
        private LocalDate launchedOn;
        private LocalDate stateSince;
        private OperatingSystem os;
        private DatabaseEngine engine;
        private String image;
        private Map<String, String> tags = Map.of();
        private List<String> networkIds = List.of();
        private List<IngressRule> ingress = List.of();
        private Boolean publiclyAccessible;
        private Integer attachedDisks;
        private Monitoring monitoring = Monitoring.UNKNOWN;
        private CpuStatistics cpu;
        private Origin origin;

        public Builder provider(Provider value) { provider = value; return this; }
        public Builder kind(ResourceKind value) { kind = value; return this; }
        public Builder id(String value) { id = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder account(String value) { account = value; return this; }
        public Builder region(String value) { region = value; return this; }
        public Builder type(String value) { type = value; return this; }
        public Builder state(PowerState value) { state = value; return this; }
        public Builder launchedOn(LocalDate value) { launchedOn = value; return this; }
        public Builder stateSince(LocalDate value) { stateSince = value; return this; }
        public Builder os(OperatingSystem value) { os = value; return this; }
        public Builder engine(DatabaseEngine value) { engine = value; return this; }
        public Builder image(String value) { image = value; return this; }
        public Builder tags(Map<String, String> value) { tags = value; return this; }
        public Builder networkIds(List<String> value) { networkIds = value; return this; }
        public Builder ingress(List<IngressRule> value) { ingress = value; return this; }
        public Builder publiclyAccessible(Boolean value) { publiclyAccessible = value; return this; }
        public Builder attachedDisks(Integer value) { attachedDisks = value; return this; }
        public Builder monitoring(Monitoring value) { monitoring = value; return this; }
        public Builder cpu(CpuStatistics value) { cpu = value; return this; }
        public Builder origin(Origin value) { origin = value; return this; }

        /**
         * Replaces each value that servers repeat with its one copy in the store: the type, the image, the operating
         * system and database engine, the lists of networks and ingress rules, the launch and state days, the number
         * of disks and the monitoring. Lists are made read-only first, so that the copy kept is one nobody changes.
         */
        public Builder sharing(SharedValues shared) {
            type = shared.of(type);
            image = shared.of(image);
            os = shared.of(os);
            engine = shared.of(engine);
            networkIds = shared.of(networkIds == null ? null : List.copyOf(networkIds));
            ingress = shared.of(ingress == null ? null : List.copyOf(ingress));
            launchedOn = shared.of(launchedOn);
            stateSince = shared.of(stateSince);
            attachedDisks = shared.of(attachedDisks);
            monitoring = shared.of(monitoring);
            return this;
        }

        public Server build() {
            return new Server(provider, kind, id, name, account, region, type, state, launchedOn, stateSince, os,
                    engine, image, tags, networkIds, ingress, publiclyAccessible, attachedDisks, monitoring, cpu,
                    origin);
        }
    }
}
