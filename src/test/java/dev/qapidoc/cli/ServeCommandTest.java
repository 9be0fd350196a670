package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qapidoc serve} over HTTP, in-process: the first build is served with the reload
 * script, an edit is served after the rebuild, a new page appears, a failed build is a page
 * with its messages until the next good edit, and Ctrl-C (an interrupt) stops it with status 0.
 */
@Timeout(180)
class ServeCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".new");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        // as editors save: a new file renamed over the old one
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String schema(String doc) {
        return "##\n# = Things\n##\n\n##\n# @Thing:\n#\n# " + doc + "\n#\n# @size: how big\n#\n# Since: 1.0\n##\n"
                + "{ 'struct': 'Thing', 'data': { 'size': 'int' } }\n";
    }

    @Test
    void servesATreeAndFollowsItsEdits(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        write(src.resolve("conf.py"), "project = 'Served'\n");
        write(src.resolve("index.rst"), "Home\n====\n\n.. toctree::\n\n   a\n");
        write(src.resolve("a.rst"), "Page A\n======\n\nFirst words.\n");
        try (InProcessServer s = InProcessServer.start("-q", src.toString())) {
            assertTrue(s.url().startsWith("http://127.0.0.1:"), s.url());
            HttpResponse<String> home = s.get("");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Page A"), home.body());
            assertTrue(
                    home.body().contains("<script src=\"/__qapidoc__/reload.js?g=1\"></script></body>"), home.body());
            HttpResponse<String> js = s.get("__qapidoc__/reload.js?g=1");
            assertTrue(js.body().contains("new EventSource(\"/__qapidoc__/events\")"), js.body());
            assertTrue(s.get("_static/../../../etc/passwd").statusCode() >= 400);

            write(src.resolve("a.rst"), "Page A\n======\n\nSecond words.\n");
            HttpResponse<String> a = s.await("a.html", r -> r.body().contains("Second words."), WAIT);
            assertTrue(a.body().contains("Second words."), a.body() + s.stderr());

            write(src.resolve("b.rst"), "Page B\n======\n\nNew page.\n");
            write(src.resolve("index.rst"), "Home\n====\n\n.. toctree::\n\n   a\n   b\n");
            HttpResponse<String> b = s.await("b.html", r -> r.statusCode() == 200, WAIT);
            assertEquals(200, b.statusCode(), s.stderr());
            assertTrue(b.body().contains("New page."), b.body());

            write(src.resolve("conf.py"), "project = 'Served'\nraise ValueError('broken on purpose')\n");
            HttpResponse<String> bad = s.await("index.html", r -> r.statusCode() == 500, WAIT);
            assertEquals(500, bad.statusCode(), s.stderr());
            assertTrue(bad.body().contains("broken on purpose"), bad.body());
            assertTrue(bad.body().contains("reload.js"), bad.body());

            write(src.resolve("conf.py"), "project = 'Served again'\n");
            HttpResponse<String> good = s.await("index.html", r -> r.statusCode() == 200, WAIT);
            assertEquals(200, good.statusCode(), s.stderr());
            assertTrue(good.body().contains("Served again"), good.body());
            assertEquals(0, s.stop());
            assertTrue(s.stdout().contains("qapidoc serve stopped."), s.stdout());
        }
    }

    @Test
    void servesASchemaManualAndItsEventStream(@TempDir Path tmp) throws Exception {
        Path schema = tmp.resolve("s.json");
        write(schema, schema("A thing."));
        try (InProcessServer s = InProcessServer.start("--schema", schema.toString(), "--namespace", "T")) {
            assertTrue(s.get("index.html").body().contains("A thing."));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Stream<String>> ev = http.send(
                    HttpRequest.newBuilder(URI.create(s.url() + "__qapidoc__/events"))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(
                    "text/event-stream; charset=utf-8",
                    ev.headers().firstValue("Content-Type").orElse(""));
            Iterator<String> lines = ev.body().iterator();
            assertEquals("data: 1", lines.next());

            write(schema, schema("A thing, edited."));
            HttpResponse<String> r = s.await("index.html", x -> x.body().contains("A thing, edited."), WAIT);
            assertTrue(r.body().contains("A thing, edited."), r.body() + s.stderr());
            // the open stream says there is a new build
            assertEquals("", lines.next());
            assertEquals("data: 2", lines.next());
            ev.body().close();

            write(schema, schema("A thing.") + "{ 'command': \n");
            HttpResponse<String> bad = s.await("index.html", x -> x.statusCode() == 500, WAIT);
            assertEquals(500, bad.statusCode(), s.stderr());
            assertTrue(bad.body().contains("s.json:"), bad.body());
            write(schema, schema("A thing, mended."));
            HttpResponse<String> good = s.await("index.html", x -> x.statusCode() == 200, WAIT);
            assertTrue(good.body().contains("A thing, mended."), good.body());
            assertEquals(0, s.stop());
        }
    }

    @Test
    void refusesABadPortAndMixedModes() {
        Main.Result r = Main.capture("serve", "--port", "70000", "sample-docs");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("--port expects a number from 0 to 65535"), r.stderr());
        Main.Result m = Main.capture("serve", "--schema", "x.json", "sample-docs");
        assertEquals(2, m.exitCode());
        assertTrue(m.stderr().contains("--schema takes the place of SRCDIR"), m.stderr());
        Main.Result h = Main.capture("serve", "--help");
        assertEquals(0, h.exitCode());
        assertTrue(h.stdout().contains("--host"), h.stdout());
    }
}
