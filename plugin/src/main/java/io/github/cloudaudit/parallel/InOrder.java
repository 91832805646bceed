package io.github.cloudaudit.parallel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs tasks (reading files, writing reports, calls to a cloud) on a few threads and hands what each gave on in the
 * order of the tasks, on the calling thread, so that the outcome (facts, log lines, the error that stops the build) is
 * that of running them one after the other, whichever thread finishes first. The first task in that order that fails
 * decides the error, thrown as the task threw it; the tasks after it are cancelled. The threads are gone when
 * {@link #run} returns.
 */
public final class InOrder {

    /** One task; it may run on any thread, and shares nothing mutable with the other tasks. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws IOException;
    }

    /** What is done with each task's result, in the tasks' order, on the calling thread. */
    @FunctionalInterface
    public interface Taker<T> {
        void take(T result) throws IOException;
    }

    /** How many tasks per thread may be started or done and waiting for their turn. */
    static final int AHEAD_PER_THREAD = 2;

    private InOrder() {
    }

    /**
     * How many tasks of an audit run at once: every processor but one. The JIT compiler and the garbage collector
     * need a processor of their own while an audit runs, above all while it reads, when most of its code is compiled:
     * on two processors, reading the 100,000-server benchmark on two threads took 5.5 to 6.8 s and 11 to 13 s of CPU,
     * on one thread 4.9 to 5.9 s and 9 to 11 s.
     */
    public static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * @param threadName the prefix of the threads' names, which a thread dump of a slow build shows
     * @param interrupted what an interrupt of the calling thread leaves undone, for its error
     * @param maxThreads at most this many threads run at once; 1 runs each task on the calling thread
     */
    public static <T> void run(String threadName, String interrupted, List<Task<T>> tasks, int maxThreads,
                               Taker<T> inOrder) throws IOException {
        if (Math.min(maxThreads, tasks.size()) <= 1) {
            for (Task<T> task : tasks) {
                inOrder.take(task.run());
            }
            return;
        }
        TaskThreads threads = new TaskThreads(threadName);
        int threadCount = Math.min(maxThreads, tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(threadCount, threads);
        try {
            // Tasks start only a few ahead of the one whose result is handed on next: a slow task early in the order
            // (a call waiting out throttling) leaves the heap holding a few later results, not all of them.
            Iterator<Task<T>> unstarted = tasks.iterator();
            Deque<Future<T>> pending = new ArrayDeque<>();
            while (pending.size() < AHEAD_PER_THREAD * threadCount && unstarted.hasNext()) {
                pending.add(pool.submit(unstarted.next()::run));
            }
            while (!pending.isEmpty()) {
                T result = outcome(pending.poll(), interrupted);
                if (unstarted.hasNext()) {
                    pending.add(pool.submit(unstarted.next()::run));
                }
                inOrder.take(result);
            }
        } finally {
            // After a failure this cancels the tasks still queued or running: interrupted, their files close.
            pool.shutdownNow();
            threads.awaitEnd();
        }
    }

    private static <T> T outcome(Future<T> task, String interrupted) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + interrupted);
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /** The failure as the task threw it, as if it had run on the calling thread. */
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
        // A Task declares nothing else; the compiler cannot know that Future.get() keeps to it.
        throw new IllegalStateException(failure);
    }

    /** Makes the pool's threads, and waits for them to end: a pool's end comes a moment before its threads'. */
    private static final class TaskThreads implements ThreadFactory {

        private final String name;
        private final List<Thread> made = new CopyOnWriteArrayList<>();

        TaskThreads(String name) {
            this.name = name;
        }

        @Override
        public synchronized Thread newThread(Runnable work) {
            Thread thread = new Thread(work, name + (made.size() + 1));
            // A task that outlives a failed build must not keep its JVM alive.
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }

        /** Cancelled tasks end at their next read or write of a file, which the interrupt has closed. */
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
