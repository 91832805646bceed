package io.github.cloudaudit.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads files on a few threads and hands what each gave on in the order of the files, on the calling thread, so that
 * the outcome (facts, log lines, the error that stops the build) is that of reading them one after the other,
 * whichever thread finishes first. The first file in that order whose read fails decides the error, thrown as the
 * read threw it; the reads after it are cancelled. The threads are gone when {@link #run} returns.
 */
final class ParallelFileReads {

    /** The prefix of the threads' names, which a thread dump of a slow build shows. */
    static final String THREAD_NAME = "cloud-audit-reader-";

    /** One file's read; it may run on any thread, and shares nothing mutable with the other reads. */
    @FunctionalInterface
    interface Read<T> {
        T run() throws IOException;
    }

    /** What is done with each read's result, in file order, on the calling thread. */
    @FunctionalInterface
    interface InOrder<T> {
        void take(T result) throws IOException;
    }

    private ParallelFileReads() {
    }

    /** @param maxThreads at most this many threads read at once; 1 reads each file on the calling thread */
    static <T> void run(List<Read<T>> reads, int maxThreads, InOrder<T> inOrder) throws IOException {
        int threads = Math.min(maxThreads, reads.size());
        if (threads <= 1) {
            for (Read<T> read : reads) {
                inOrder.take(read.run());
            }
            return;
        }
        ReaderThreads readers = new ReaderThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, readers);
        try {
            List<Future<T>> pending = new ArrayList<>(reads.size());
            for (Read<T> read : reads) {
                pending.add(pool.submit(read::run));
            }
            for (int i = 0; i < pending.size(); i++) {
                T result = outcome(pending.get(i));
                // Let go of each file's facts once handed on, so that the heap holds them once, not twice.
                pending.set(i, null);
                inOrder.take(result);
            }
        } finally {
            // After a failure this cancels the reads still queued or running: interrupted, their files close.
            pool.shutdownNow();
            readers.awaitEnd();
        }
    }

    private static <T> T outcome(Future<T> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading inventory files: the inventory is incomplete");
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /** The failure as the read threw it, as if the file had been read on the calling thread. */
    private static IOException unwrapped(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        // A Read declares nothing else; the compiler cannot know that Future.get() keeps to it.
        throw new IllegalStateException(failure);
    }

    /** Makes the pool's threads, and waits for them to end: a pool's end comes a moment before its threads'. */
    private static final class ReaderThreads implements ThreadFactory {

        private final List<Thread> made = new CopyOnWriteArrayList<>();

        @Override
        public synchronized Thread newThread(Runnable work) {
            Thread thread = new Thread(work, THREAD_NAME + (made.size() + 1));
            // A read that outlives a failed build must not keep its JVM alive.
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }

        /** Cancelled reads end at their next read of the file, which the interrupt has closed. */
        void awaitEnd() {
            try {
                for (Thread thread : made) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                // The threads were told to stop; the caller learns of its interrupt from the flag.
                Thread.currentThread().interrupt();
            }
        }
    }
}
