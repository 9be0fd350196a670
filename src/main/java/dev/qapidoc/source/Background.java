package dev.qapidoc.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * The one way qapidoc runs work on the machine's spare core: a named daemon thread (so an
 * unfinished task never keeps the process alive) whose result is taken with {@link Task#await()}
 * as if the work had run on the caller's thread.
 *
 * <pre>{@code
 * Background.Task<Theme> theme = Background.start("qapidoc-theme", () -> Theme.load(name, dirs));
 * ...                                       // other work on this thread
 * Theme t = theme.await();                  // the work's own IOException or RuntimeException
 * }</pre>
 *
 * <p>Starting a thread is a happens-before edge, so whatever the caller built before {@link
 * #start} is visible to the work; data the work only reads should not change afterwards (reST
 * trees are {@code freeze()}d before they are handed over). It lives in {@code source}, the stage
 * every package may import.
 */
public final class Background {

    private Background() {}

    /** The pending result of work started with {@link #start}. */
    public static final class Task<T> {
        private final FutureTask<T> future;

        private Task(FutureTask<T> future) {
            this.future = future;
        }

        /**
         * Waits for the work and returns its result. Its exception is rethrown as it was thrown
         * (an {@link IOException}, a {@link RuntimeException} or an {@link Error}); any other
         * checked exception comes wrapped in an IOException. An interrupt while waiting keeps the
         * thread's interrupt status and ends in an {@link InterruptedIOException}.
         */
        public T await() throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException io = new InterruptedIOException("interrupted");
                io.initCause(e);
                throw io;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause);
            }
        }
    }

    /** Starts {@code work} now on a new daemon thread called {@code name}. */
    public static <T> Task<T> start(String name, Callable<T> work) {
        FutureTask<T> future = new FutureTask<>(Objects.requireNonNull(work));
        Thread t = new Thread(future, Objects.requireNonNull(name));
        t.setDaemon(true);
        t.start();
        return new Task<>(future);
    }

    /**
     * A queue of fire-and-forget jobs run one after another, in submission order, on one daemon
     * thread called {@code name}: for a producer that hands work over piece by piece (each read
     * document's code blocks) and whose consumer can do any missing piece itself.
     */
    public static Lane lane(String name) {
        return new Lane(name);
    }

    /** See {@link #lane}. */
    public static final class Lane implements AutoCloseable {
        private final ExecutorService worker;

        private Lane(String name) {
            Objects.requireNonNull(name);
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }

        /** Queues {@code job}; after {@link #close()} the job is dropped. */
        public void submit(Runnable job) {
            try {
                worker.execute(job);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closed: nobody is waiting for this job any more
            }
        }

        /** Stops the thread; queued jobs are dropped and a running one is interrupted. */
        @Override
        public void close() {
            worker.shutdownNow();
        }
    }
}
