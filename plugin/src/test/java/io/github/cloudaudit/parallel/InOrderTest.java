package io.github.cloudaudit.parallel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reads that finish in another order than they were given: what is handed on, and what fails, follows the order
 * given. Latches, not sleeps, decide which read finishes first, so each case happens on every run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InOrderTest {

    static final String THREADS = "cloud-audit-test-";

    private final List<String> taken = new ArrayList<>();

    @AfterEach
    void theReadersThreadsAreGone() {
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void resultsAreHandedOnInTheOrderOfTheReadsWhicheverFinishesFirst() throws IOException {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<InOrder.Task<String>> reads = List.of(
                () -> {
                    await(lastDone);
                    return "first";
                },
                () -> "second",
                () -> {
                    lastDone.countDown();
                    return "third";
                });

        InOrder.run(THREADS, "testing", reads, 3, taken::add);

        assertThat(taken).containsExactly("first", "second", "third");
    }

    @Test
    void aSlowFirstTaskHoldsBackAllButAFewLaterTasksNotEveryResult() throws IOException {
        int threads = 2;
        int ahead = InOrder.AHEAD_PER_THREAD * threads - 1;
        AtomicInteger started = new AtomicInteger();
        CountDownLatch othersAhead = new CountDownLatch(ahead);
        AtomicInteger startedWhileFirstRan = new AtomicInteger();
        List<InOrder.Task<String>> reads = new ArrayList<>();
        reads.add(() -> {
            await(othersAhead);
            sleep(100); // time for any task beyond the bound to start, were it allowed to
            startedWhileFirstRan.set(started.get());
            return "slow";
        });
        for (int i = 1; i < 20; i++) {
            String name = "task " + i;
            reads.add(() -> {
                started.incrementAndGet();
                othersAhead.countDown();
                return name;
            });
        }

        InOrder.run(THREADS, "testing", reads, threads, taken::add);

        assertThat(startedWhileFirstRan.get()).isEqualTo(ahead);
        assertThat(taken).hasSize(20).startsWith("slow", "task 1").endsWith("task 19");
    }

    @Test
    void theFirstReadInOrderThatFailsDecidesTheErrorAndTheReadsAfterItAreCancelled() {
        CountDownLatch secondFailed = new CountDownLatch(1);
        IOException firstFailure = new IOException("first");
        CountDownLatch endlessStarted = new CountDownLatch(1);
        List<InOrder.Task<String>> reads = List.of(
                () -> "before",
                () -> {
                    await(secondFailed);
                    await(endlessStarted);
                    throw firstFailure;
                },
                () -> {
                    secondFailed.countDown();
                    throw new IOException("second");
                },
                () -> {
                    endlessStarted.countDown();
                    // Only cancelling ends this read; without it the test times out.
                    await(new CountDownLatch(1));
                    return "never";
                },
                () -> "after");

        Throwable thrown = catchThrowable(() -> InOrder.run(THREADS, "testing", reads, 3, taken::add));

        assertThat(thrown).isSameAs(firstFailure);
        assertThat(taken).containsExactly("before");
    }

    @Test
    void aFailureIsThrownAsTheReadThrewItNotWrapped() {
        for (Throwable failure : List.of(new AccessDeniedException("a.json"),
                new java.io.UncheckedIOException(new IOException("a.json: expected an id")), new IllegalStateException("bug"),
                new StackOverflowError())) {
            List<InOrder.Task<String>> reads = List.of(() -> "fine", () -> {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw (Error) failure;
            });

            assertThat(catchThrowable(() -> InOrder.run(THREADS, "testing", reads, 2, taken::add))).isSameAs(failure);
        }
    }

    @Test
    void tasksRunOnNamedDaemonThreadsOrOnTheCallersAloneWithOneThread() throws IOException {
        List<InOrder.Task<Thread>> reads = List.of(Thread::currentThread, Thread::currentThread);
        List<Thread> ranOn = new ArrayList<>();

        InOrder.run(THREADS, "testing", reads, 2, ranOn::add);
        assertThat(ranOn).allSatisfy(thread -> {
            assertThat(thread.getName()).matches(THREADS + "[12]");
            assertThat(thread.isDaemon()).isTrue();
        });

        ranOn.clear();
        InOrder.run(THREADS, "testing", reads, 1, ranOn::add);
        assertThat(ranOn).containsOnly(Thread.currentThread());
    }

    @Test
    void anInterruptedCallerStopsWithAClearErrorAndKeepsItsInterrupt() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        List<InOrder.Task<String>> reads = List.of(() -> {
            reading.countDown();
            await(new CountDownLatch(1));
            return "never";
        }, () -> "second");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            thrown.set(catchThrowable(() -> InOrder.run(THREADS, "testing", reads, 2, taken::add)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        caller.start();
        reading.await();
        caller.interrupt();
        caller.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class)
                .hasMessage("interrupted while testing");
        assertThat(stillInterrupted.get()).isTrue();
        // The caller did not wait for its reads to end, being interrupted; they were told to, and do.
        awaitNoReaderThreads();
    }

    @Test
    void noReadsIsNothingToDo() throws IOException {
        InOrder.run(THREADS, "testing", List.<InOrder.Task<String>>of(), 2, taken::add);
        assertThat(taken).isEmpty();
    }

    static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(THREADS)).toList();
    }

    private static void awaitNoReaderThreads() throws InterruptedException {
        for (Thread thread : readerThreads()) {
            thread.join();
        }
    }

    /** Waits for the latch; a cancelled read is interrupted, and ends as a read of a closed file would. */
    static void await(CountDownLatch latch) throws InterruptedIOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("cancelled");
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("cancelled");
        }
    }
}
