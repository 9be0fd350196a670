package dev.qapidoc.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of {@code qapidoc serve}: serves the latest build from memory (the JDK's
 * {@code com.sun.net.httpserver}) and makes open pages reload when a newer build is published.
 *
 * <p>Every HTML page is sent with one added {@code <script src="/__qapidoc__/reload.js?g=N">},
 * N being the build the page came from; the script listens to {@code /__qapidoc__/events}, a
 * server-sent event stream that sends the number of the current build on connect and after each
 * rebuild, and reloads the page when the number differs from its own. Nothing comes from the
 * network, and the built files themselves are not changed (the script is added on the way out),
 * so what is served is what {@code build} writes. While the last build failed, every HTML path
 * answers with a page listing its messages (which reloads too), so the next good edit recovers
 * the open page by itself.
 */
final class LiveReload implements AutoCloseable {

    /** Where the reload script and the event stream live; no built file can be there. */
    static final String PREFIX = "/__qapidoc__/";

    /**
     * One published build.
     *
     * @param generation counts builds from 1
     * @param files the site, by path relative to its root
     * @param error the messages of a build that failed, or null
     */
    private record Snapshot(long generation, Map<String, byte[]> files, String error) {}

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("inv", "application/octet-stream"));

    private final HttpServer server;
    private final ExecutorService threads;
    private final Object changed = new Object();
    private volatile Snapshot current = new Snapshot(0, Map.of(), "the first build has not finished yet");
    private volatile boolean closed;

    private LiveReload(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds {@code host:port} (port 0: any free one) and starts answering. */
    static LiveReload start(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // one thread per open event stream, plus the requests: daemon threads, so that a stuck
        // client never keeps the JVM alive
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "qapidoc-serve-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        LiveReload lr = new LiveReload(server, threads);
        server.createContext("/", lr::handle);
        server.start();
        return lr;
    }

    /** The address actually bound (the port, when 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Serves {@code files} from now on and tells open pages to reload. */
    void publish(Map<String, byte[]> files) {
        next(files, null);
    }

    /** Answers HTML requests with {@code messages} until the next good build. */
    void publishError(String messages) {
        next(current.files(), messages);
    }

    private void next(Map<String, byte[]> files, String error) {
        synchronized (changed) {
            current = new Snapshot(current.generation() + 1, files, error);
            changed.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (changed) {
            changed.notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"));
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath() == null ? "/" : uri.getPath();
            if (path.equals(PREFIX + "events")) {
                events(ex);
                return;
            }
            if (path.equals(PREFIX + "reload.js")) {
                String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
                String g = q.matches("g=[0-9]{1,18}") ? q.substring(2) : "0";
                send(ex, 200, TYPES.get("js"), bytes(script(g)));
                return;
            }
            Snapshot s = current;
            String rel = path.substring(1);
            if (rel.isEmpty() || rel.endsWith("/")) {
                rel += "index.html";
            }
            boolean html = rel.endsWith(".html");
            if (s.error() != null && html) {
                send(ex, 500, TYPES.get("html"), bytes(errorPage(s)));
                return;
            }
            byte[] body = s.files().get(rel);
            if (body == null && s.files().containsKey(rel + "/index.html")) {
                ex.getResponseHeaders().set("Location", path + "/");
                send(ex, 302, "text/plain; charset=utf-8", bytes("moved\n"));
                return;
            }
            if (body == null) {
                send(
                        ex,
                        404,
                        TYPES.get("html"),
                        bytes(page(s.generation(), "Not found", "<p>No file " + escape(rel) + " in the site.</p>")));
                return;
            }
            int dot = rel.lastIndexOf('.');
            String type = TYPES.getOrDefault(dot < 0 ? "" : rel.substring(dot + 1), "application/octet-stream");
            send(ex, 200, type, html ? inject(body, s.generation()) : body);
        }
    }

    /** The server-sent event stream: the current build's number now and after each change. */
    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long sent = -1;
        try {
            while (!closed) {
                long g = current.generation();
                if (g != sent) {
                    out.write(bytes("data: " + g + "\n\n"));
                    out.flush();
                    sent = g;
                }
                synchronized (changed) {
                    if (current.generation() == sent && !closed) {
                        changed.wait(15_000);
                    }
                }
                if (current.generation() == sent && !closed) {
                    // a comment line: finds out about clients that went away
                    out.write(bytes(": keep-alive\n\n"));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page went away (reloaded or closed): nothing to do
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    /** The page with the reload script before its last {@code </body>} (or at its end). */
    static byte[] inject(byte[] page, long generation) {
        String s = new String(page, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + PREFIX + "reload.js?g=" + generation + "\"></script>";
        int at = s.lastIndexOf("</body>");
        return bytes(at < 0 ? s + tag : s.substring(0, at) + tag + s.substring(at));
    }

    private static String script(String generation) {
        return """
                // qapidoc serve: reload this page when a newer build is published
                (function () {
                  var built = "%s";
                  var events = new EventSource("%sevents");
                  events.onmessage = function (e) {
                    if (e.data !== built) {
                      events.close();
                      location.reload();
                    }
                  };
                })();
                """
                .formatted(generation, PREFIX);
    }

    private static String errorPage(Snapshot s) {
        return page(
                s.generation(),
                "Build failed",
                "<p>The last build failed; this page reloads when the next one succeeds.</p>\n<pre>" + escape(s.error())
                        + "</pre>");
    }

    private static String page(long generation, String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - qapidoc serve</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body
                + "\n<script src=\"" + PREFIX + "reload.js?g=" + generation + "\"></script>\n</body></html>\n";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** For tests and messages: the URL of the site's root. */
    String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }
}
