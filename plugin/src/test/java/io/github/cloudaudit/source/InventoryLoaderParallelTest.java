package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonParser;
import io.github.cloudaudit.benchmark.SyntheticInventory;
import io.github.cloudaudit.model.Inventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files read at once give the inventory, the log and the error of reading them one after the other. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InventoryLoaderParallelTest {

    private static final Path FIXTURES = Path.of("src/test/resources/inventories");
    private static final int THREADS = 4;

    private record Reading(Inventory inventory, List<String> log, Set<Thread> loggedOn) {
    }

    @TempDir
    Path dir;

    @AfterEach
    void theReadersThreadsAreGone() {
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void readingFilesAtOnceGivesTheInventoryAndLogOfReadingThemInTurn() throws IOException {
        Path synthetic = dir.resolve("synthetic");
        SyntheticInventory.main(new String[] {synthetic.toString(), "300", "aws-cli"});
        Path messy = dir.resolve("messy");
        write(messy.resolve("a-notes.txt"), "nothing to audit here");
        write(messy.resolve(".hidden/things.json"), "{}");
        write(messy.resolve("b-broken.yaml"), "key: [never closed");
        Files.createSymbolicLink(messy.resolve("c-link.json"), messy.resolve("nowhere.json"));
        // The same instances again, in a later file: each replaces its first record in that record's place.
        Path again = messy.resolve("d-again/123456789012/eu-north-1/ec2-describe-instances.json");
        Files.createDirectories(again.getParent());
        Files.copy(FIXTURES.resolve("aws-cli/123456789012/eu-north-1/ec2-describe-instances.json"), again);
        List<Path> inputs = List.of(FIXTURES.resolve("aws-cli"), FIXTURES.resolve("azure-cli"),
                FIXTURES.resolve("azure-threats"), synthetic, messy,
                FIXTURES.resolve("aws-cli-clean/123456789012/eu-north-1/rds-describe-db-instances.json"));

        Reading inTurn = read(inputs, 1);

        assertThat(inTurn.inventory().servers()).hasSizeGreaterThan(300);
        assertThat(inTurn.inventory().gaps()).hasSize(2);
        assertThat(inTurn.log()).hasSize(6);
        for (int run = 0; run < 3; run++) {
            Reading atOnce = read(inputs, THREADS);
            InventoryBuilderAddAllTest.assertSameInventory(atOnce.inventory(), inTurn.inventory());
            assertThat(atOnce.log()).isEqualTo(inTurn.log());
            assertThat(atOnce.loggedOn()).containsOnly(Thread.currentThread());
        }
    }

    /**
     * The first broken file in file order is slow to fail, the second fails at once: the error names the first on
     * every run, the log holds what came before it and nothing after, and the read after them is cancelled.
     */
    @RepeatedTest(3)
    void theFirstBrokenFileInFileOrderIsTheOneReported() throws IOException {
        CountDownLatch secondFailed = new CountDownLatch(1);
        CountDownLatch endlessStarted = new CountDownLatch(1);
        InventoryReader slowToFail = reader("Slow", context -> {
            await(secondFailed);
            await(endlessStarted);
            return new InventoryFormatException(context.path(), 1, 1, "expected the slow file to be whole");
        });
        write(dir.resolve("0-notes.txt"), "nothing to audit here");
        write(dir.resolve("a-slow.json"), "{\"Slow\": []}");
        write(dir.resolve("b-fast.json"), "{\"Fast\": []}");
        write(dir.resolve("c-endless.json"), "{\"Endless\": []}");
        write(dir.resolve("d-notes.txt"), "nothing to audit here either");
        List<String> log = new ArrayList<>();
        InventoryLoader loader = new InventoryLoader(List.of(slowToFail,
                reader("Fast", context -> {
                    secondFailed.countDown();
                    return new InventoryFormatException(context.path(), 1, 1, "expected the fast file to be whole");
                }),
                reader("Endless", context -> {
                    endlessStarted.countDown();
                    // Only cancelling ends this read; without it the test times out.
                    await(new CountDownLatch(1));
                    return new InventoryFormatException(context.path(), 1, 1, "not cancelled");
                })), log::add, THREADS);

        assertThatThrownBy(() -> loader.load(List.of(dir)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessage(dir.resolve("a-slow.json") + ":1:1: expected the slow file to be whole");
        assertThat(log).singleElement().asString().startsWith("Skipped " + dir.resolve("0-notes.txt"));
    }

    @Test
    void everyFileIsReadForTheSameAuditDate() {
        InventoryLoader loader = new InventoryLoader(InventoryLoader.builtInReaders(), line -> { }, THREADS);
        InventoryBuilder auditIn2012 = new InventoryBuilder(LocalDate.of(2012, 1, 1));

        assertThatThrownBy(() -> loader.load(List.of(FIXTURES.resolve("aws-cli")), auditIn2012))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("to lie between 1990-01-01 and 2013-01-01");
    }

    private static Reading read(List<Path> inputs, int threads) throws IOException {
        List<String> log = new ArrayList<>();
        Set<Thread> loggedOn = ConcurrentHashMap.newKeySet();
        Inventory inventory = new InventoryLoader(InventoryLoader.builtInReaders(), line -> {
            log.add(line);
            loggedOn.add(Thread.currentThread());
        }, threads).load(inputs);
        return new Reading(inventory, log, loggedOn);
    }

    /** What a test reader does with its file's context: the error it ends with. */
    @FunctionalInterface
    private interface Failure {
        InventoryFormatException of(ReadContext context) throws IOException;
    }

    /** A reader of files whose one key is the given one, which fails as told. */
    private static InventoryReader reader(String key, Failure failure) {
        return new InventoryReader() {
            @Override
            public String format() {
                return "test: " + key;
            }

            @Override
            public boolean accepts(Signature signature) {
                return signature.isObjectWithKey(key);
            }

            @Override
            public void read(JsonParser parser, ReadContext context) throws IOException {
                throw failure.of(context);
            }
        };
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(InventoryLoader.READER_THREADS)).toList();
    }

    /** Waits for the latch; a cancelled read is interrupted, and ends as a read of a closed file would. */
    private static void await(CountDownLatch latch) throws java.io.InterruptedIOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException("cancelled");
        }
    }
}
