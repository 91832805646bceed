package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads AWS accounts live with the SDK: every account (the credentials' own, or each role assumed) in every region,
 * a bounded number of account-region pairs at a time. What a call returns goes through the same mapping as the
 * CLI's files; what it cannot read becomes a coverage gap, never a failed audit and never silence.
 */
public final class LiveAwsSource implements InventorySource {

    static {
        SdkLogging.keepSignersQuiet();
    }

    /** Where STS and DescribeRegions are asked when no region is given. */
    private static final Region HOME = Region.US_EAST_1;

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final ApiCalls calls = new ApiCalls();

    /** Reads with the profile the settings name, else with the SDK's default credentials chain. */
    public LiveAwsSource(AwsSettings settings) {
        this(settings, settings.profile() == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(settings.profile()));
    }

    LiveAwsSource(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    /** The requests made so far, by operation. */
    public ApiCalls calls() {
        return calls;
    }

    @Override
    public String describe() {
        if (settings.configAggregator() != null) {
            return "aws: the AWS Config aggregator " + settings.configAggregator();
        }
        return "aws: " + (settings.roleArns().isEmpty() ? "the credentials' account" : settings.roleArns().size()
                + " role(s)") + ", " + (settings.regions().isEmpty() ? "every enabled region"
                : String.join(", ", settings.regions()));
    }

    @Override
    public void collect(InventoryBuilder builder, Log log) throws IOException {
        Instant start = Instant.now();
        AwsCredentialsProvider base = credentials;
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(settings.callTimeout()).build()) {
            if (settings.configAggregator() != null) {
                readAggregator(http, base, builder, log);
            } else {
                readEachRegion(http, base, builder, log);
            }
        }
        builder.apiCalls(calls.byOperation());
        log.info().accept(String.format("AWS: made %d call(s) in %.1f s", calls.total(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
    }

    private void readEachRegion(SdkHttpClient http, AwsCredentialsProvider base, InventoryBuilder builder, Log log)
            throws IOException {
        try (StsClient sts = AwsClients.configure(StsClient.builder(), http, base, home(), settings, calls).build()) {
            List<RegionReading> readings = targets(http, sts, base, builder);
            log.info().accept(String.format("AWS: reading %d account-region pair(s), %d at a time",
                    readings.size(), Math.min(settings.maxConcurrency(), Math.max(readings.size(), 1))));
            readAll(readings, log);
            for (RegionReading reading : readings) {
                reading.mapInto(builder);
            }
        }
    }

    /** Every account and region the aggregator sees, with the credentials of the account that owns it, in its region. */
    private void readAggregator(SdkHttpClient http, AwsCredentialsProvider base, InventoryBuilder builder, Log log)
            throws IOException {
        log.info().accept("AWS: reading the AWS Config aggregator " + settings.configAggregator() + " in " + home());
        try (ConfigClient config = AwsClients.configure(ConfigClient.builder(), http, base, home(), settings, calls)
                .build()) {
            AggregatorReading reading = new AggregatorReading(settings.configAggregator());
            reading.read(config, builder);
            log.info().accept(String.format("AWS: %d item(s) from the aggregator", reading.items()));
        }
    }

    /** One reading per account and region; accounts whose role or regions cannot be read become gaps. */
    private List<RegionReading> targets(SdkHttpClient http, StsClient sts, AwsCredentialsProvider base,
                                        InventoryBuilder builder) throws IOException {
        List<RegionReading> targets = new ArrayList<>();
        for (Account account : accounts(sts, base, builder)) {
            List<String> regions = settings.regions().isEmpty() ? enabledRegions(http, account, builder)
                    : settings.regions();
            for (String region : regions) {
                targets.add(new RegionReading(account.id(), region,
                        new AwsClients(http, account.credentials(), region, settings, calls), settings.metricsDays()));
            }
        }
        return targets;
    }

    private record Account(String id, AwsCredentialsProvider credentials) {
    }

    private List<Account> accounts(StsClient sts, AwsCredentialsProvider base, InventoryBuilder builder)
            throws IOException {
        if (settings.roleArns().isEmpty()) {
            try {
                return List.of(new Account(sts.getCallerIdentity().account(), base));
            } catch (SdkException e) {
                throw new IOException("AWS: the credentials do not work (" + ApiErrors.reason(e) + "); set "
                        + "cloudaudit.aws.profile or the SDK's usual environment variables, profiles or roles");
            }
        }
        List<Account> accounts = new ArrayList<>();
        for (String roleArn : settings.roleArns()) {
            StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("cloud-audit")
                            .externalId(settings.externalId()))
                    .build();
            String id = AwsSettings.accountOf(roleArn);
            try {
                role.resolveCredentials();
                accounts.add(new Account(id, role));
            } catch (SdkException e) {
                builder.gap(new CoverageGap(Provider.AWS, id, null, "sts:AssumeRole " + roleArn, ApiErrors.reason(e)));
            }
        }
        return accounts;
    }

    /** The regions the account has enabled; those it has not opted in to answer nothing. */
    private List<String> enabledRegions(SdkHttpClient http, Account account, InventoryBuilder builder) {
        try (Ec2Client ec2 = AwsClients.configure(Ec2Client.builder(), http, account.credentials(), home(), settings,
                calls).build()) {
            return ec2.describeRegions().regions().stream()
                    .filter(r -> !"not-opted-in".equals(r.optInStatus()))
                    .map(software.amazon.awssdk.services.ec2.model.Region::regionName).sorted().toList();
        } catch (SdkException e) {
            builder.gap(new CoverageGap(Provider.AWS, account.id(), null, "ec2:DescribeRegions", ApiErrors.reason(e)));
            return List.of();
        }
    }

    private void readAll(List<RegionReading> readings, Log log) throws IOException {
        if (readings.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.maxConcurrency(), readings.size()));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (RegionReading reading : readings) {
                running.add(pool.submit(() -> {
                    Instant start = Instant.now();
                    reading.read();
                    log.info().accept(String.format("AWS %s %s: %d item(s), %d gap(s) in %.1f s (%d/%d)",
                            reading.account(), reading.region(), reading.items(), reading.gaps().size(),
                            Duration.between(start, Instant.now()).toMillis() / 1000.0, done.incrementAndGet(),
                            readings.size()));
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("AWS: interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IOException("AWS: reading failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Region home() {
        return settings.regions().isEmpty() ? HOME : Region.of(settings.regions().get(0));
    }
}
