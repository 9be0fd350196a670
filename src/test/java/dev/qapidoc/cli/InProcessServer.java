package dev.qapidoc.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code qapidoc serve} run in-process on a thread (port 0), for the serve tests: its output is
 * collected, its URL read from its first line, and {@link #close()} interrupts it as Ctrl-C
 * would and waits for its exit status.
 */
final class InProcessServer implements AutoCloseable {
    private final Thread thread;
    private final Buffer out = new Buffer();
    private final Buffer err = new Buffer();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String url;

    /** A thread-safe byte buffer. */
    static final class Buffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private InProcessServer(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        all[1] = "--port";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        thread = new Thread(
                () -> exit.set(Main.run(
                        all,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))),
                "test-serve");
        thread.setDaemon(true);
    }

    /** Starts {@code qapidoc serve --port 0 ARGS} and waits (up to a minute) for its URL. */
    static InProcessServer start(String... args) throws InterruptedException {
        InProcessServer s = new InProcessServer(args);
        s.thread.start();
        Pattern p = Pattern.compile(" at (http://\\S+/) \\(Ctrl-C to stop\\)");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && s.thread.isAlive()) {
            Matcher m = p.matcher(s.out.text());
            if (m.find()) {
                s.url = m.group(1);
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start:\n" + s.out.text() + "\n" + s.err.text());
    }

    String url() {
        return url;
    }

    String stdout() {
        return out.text();
    }

    String stderr() {
        return err.text();
    }

    /** GET of a path below the root: status and body. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until its response satisfies {@code ok}; the last response otherwise. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> ok, Duration limit)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        HttpResponse<String> r = get(path);
        while (!ok.test(r) && System.nanoTime() < end) {
            Thread.sleep(50);
            r = get(path);
        }
        return r;
    }

    /** Stops the server as Ctrl-C does and returns its exit status. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(20).toMillis());
        return thread.isAlive() ? -1 : exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
