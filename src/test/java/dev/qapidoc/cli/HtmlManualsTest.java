package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qapidoc html SCHEMA SCHEMA...} (issue 15): one site with a manual per schema, one
 * general index and search, and references from one manual into another resolved, on schemas
 * made here and, with the corpus, on QEMU master's QMP, guest agent and storage daemon schemas
 * (whose one-schema manuals warn about every link into QMP).
 */
class HtmlManualsTest {
    private static final Path QEMU = Path.of("../shared/corpus/qemu-master");

    private static final String QMP = "##\n# = Machine\n##\n\n##\n# @query-status:\n#\n# Query the run status.\n#\n"
            + "# Since: 1.0\n##\n{ 'command': 'query-status' }\n";
    private static final String QGA = "##\n# = Agent\n##\n\n##\n# @guest-ping:\n#\n# Ping the agent; see"
            + " `query-status` for the machine.\n#\n# Since: 1.0\n##\n{ 'command': 'guest-ping' }\n";

    @Test
    void manualsOfSeveralSchemasLinkToOneAnother(@TempDir Path tmp) throws Exception {
        Path qmp = write(tmp.resolve("qapi/qapi-schema.json"), QMP);
        Path qga = write(tmp.resolve("qga/qapi-schema.json"), QGA);
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture("html", "-W", "-o", out.toString(), qmp.toString(), qga.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("WARNING"), r.stderr());

        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<title>QAPI Reference Manuals"), index);
        assertTrue(index.contains("href=\"qmp.html\""), index);
        assertTrue(index.contains("href=\"qga.html\""), index);
        String qgaPage = Files.readString(out.resolve("qga.html"));
        assertTrue(qgaPage.contains("id=\"command-QGA-qapi-schema.guest-ping\""), qgaPage);
        // the guest agent's reference into the QMP manual resolves there
        assertTrue(qgaPage.contains("href=\"qmp.html#command-QMP-qapi-schema.query-status\""), qgaPage);
        assertTrue(Files.readString(out.resolve("qmp.html")).contains("id=\"command-QMP-qapi-schema.query-status\""));
        // one general index and one search over both, a QAPI index per namespace
        String genindex = Files.readString(out.resolve("genindex.html"));
        assertTrue(genindex.contains("qmp.html#command-QMP-qapi-schema.query-status"), genindex);
        assertTrue(genindex.contains("qga.html#command-QGA-qapi-schema.guest-ping"), genindex);
        String search = Files.readString(out.resolve("searchindex.js"));
        assertTrue(search.contains("\"qga\"") && search.contains("\"qmp\""), search);
        assertTrue(Files.exists(out.resolve("qapi-qmp-index.html")));
        assertTrue(Files.exists(out.resolve("qapi-qga-index.html")));

        // the same bytes again
        Path again = tmp.resolve("again");
        assertEquals(
                0,
                Main.capture("html", "-o", again.toString(), qmp.toString(), qga.toString())
                        .exitCode());
        for (String f : List.of("index.html", "qga.html", "qmp.html", "genindex.html", "searchindex.js")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void oneNamespaceEach(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a.json"), QMP);
        Path b = write(tmp.resolve("b/qapi-schema.json"), QMP);
        Main.Result r = Main.capture("html", "-o", tmp.resolve("o").toString(), a.toString(), b.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains(" would both be namespace QMP"), r.stderr());
        Path qga = write(tmp.resolve("qga/qapi-schema.json"), QGA);
        r = Main.capture("html", "--namespace", "X", a.toString(), qga.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("--namespace names the namespace of one schema"), r.stderr());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    @Timeout(300)
    void qemuMasterInOneSite(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(QEMU), QEMU + " absent (../shared/corpus): skipped");
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture(
                "html",
                "-o",
                out.toString(),
                QEMU.resolve("qapi/qapi-schema.json").toString(),
                QEMU.resolve("qga/qapi-schema.json").toString(),
                QEMU.resolve("storage-daemon/qapi/qapi-schema.json").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // alone, the QGA and QSD manuals warn about every link into QMP; together, none
        assertFalse(r.stderr().contains("reference target not found"), r.stderr());
        String qsd = Files.readString(out.resolve("qsd.html"));
        // the storage daemon's sockets.json mentions `getfd`, a QMP command its schema leaves out
        assertTrue(qsd.contains("href=\"qmp.html#command-QMP-misc.getfd\""), "QSD links getfd into QMP");
        assertTrue(Files.readString(out.resolve("qmp.html")).contains("id=\"command-QMP-misc.getfd\""));
        assertTrue(qsd.contains("id=\"command-QSD-block-core.blockdev-add\""), "QSD keeps its own definitions");
        for (String ns : List.of("qmp", "qga", "qsd")) {
            assertTrue(Files.exists(out.resolve("qapi-" + ns + "-index.html")), ns);
        }
        System.out.println("html QMP+QGA+QSD warnings:\n" + r.stderr());
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
