package dev.qapidoc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The background helper hands results and exceptions back as if the work ran on the caller. */
class BackgroundTest {

    @Test
    void resultRunsOnANamedDaemonThread() throws IOException {
        Background.Task<String> t = Background.start("qapidoc-test", () -> {
            Thread me = Thread.currentThread();
            return me.getName() + " " + me.isDaemon();
        });
        assertEquals("qapidoc-test true", t.await());
    }

    @Test
    void exceptionsComeBackUnwrapped() {
        IOException io = new IOException("disk");
        IllegalArgumentException iae = new IllegalArgumentException("bad");
        assertSame(io, assertThrows(IOException.class, () -> Background.start("t", () -> {
                    throw io;
                })
                .await()));
        assertSame(iae, assertThrows(IllegalArgumentException.class, () -> Background.start("t", () -> {
                    throw iae;
                })
                .await()));
        Exception other = new Exception("checked");
        IOException wrapped = assertThrows(IOException.class, () -> Background.start("t", () -> {
                    throw other;
                })
                .await());
        assertSame(other, wrapped.getCause());
    }

    @Test
    void interruptedWaitKeepsTheFlag() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Background.Task<Boolean> t = Background.start("t", () -> never.await(10, TimeUnit.SECONDS));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, t::await);
            assertTrue(Thread.interrupted(), "the interrupt status is kept (and cleared here)");
        } finally {
            never.countDown();
        }
    }

    @Test
    void laneRunsJobsInOrderAndDropsThemAfterClose() throws InterruptedException {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (Background.Lane lane = Background.lane("qapidoc-lane")) {
            for (int i = 0; i < 50; i++) {
                int k = i;
                lane.submit(() -> seen.add(k));
            }
            lane.submit(done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            lane.close();
            lane.submit(() -> seen.add(-1));
        }
        Thread.sleep(20);
        assertEquals(50, seen.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, seen.get(i));
        }
    }
}
