package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf.py files that compute their values, run in a child python3 (skipped without one). */
class ConfPyRunnerTest {

    @TempDir
    Path dir;

    private ConfPyRunner.Result run(String conf, String... tags) throws IOException {
        Optional<Path> py = ConfPyRunner.interpreter();
        assumeTrue(py.isPresent(), "no python3 on PATH: conf.py cannot be run, only read for literals");
        Path f = dir.resolve("conf.py");
        Files.writeString(f, conf, StandardCharsets.UTF_8);
        return ConfPyRunner.run(py.get(), f, "src/conf.py", List.of(tags));
    }

    @Test
    void computedValuesSphinxStandInsAndTags() throws IOException {
        Files.writeString(dir.resolve("VERSION"), "9.1.50\n");
        ConfPyRunner.Result r = run(
                """
                import os, sys
                import sphinx
                from sphinx.errors import ConfigError
                here = os.path.abspath('.')
                with open(os.path.join(here, 'VERSION')) as f:
                    version = release = f.readline().strip()
                if sphinx.version_info[:3] > (4, 0, 0):
                    tags.add('sphinx4')
                try:
                    import sphinx_rtd_theme
                except ImportError:
                    raise ConfigError('no theme')
                html_theme = 'sphinx_rtd_theme'
                vars = {"A": "1", "B": "2"}
                rst_epilog = "".join(".. |%s| replace:: %s\\n" % (k, vars[k]) for k in vars)
                qapi_namespaces = {"QMP", "QGA"}
                pair = (1, 'x')
                helper = lambda: 0
                has_cli_tag = tags.has('mine')
                """,
                "mine");
        assertEquals(List.of(), r.messages());
        Map<String, Object> v = r.config().values();
        assertEquals("9.1.50", v.get("version"));
        assertEquals("9.1.50", v.get("release"));
        assertEquals(".. |A| replace:: 1\n.. |B| replace:: 2\n", v.get("rst_epilog"));
        assertEquals(List.of("QGA", "QMP"), v.get("qapi_namespaces"), "sets come back sorted");
        // integers come back as Long, as ConfPy reads a literal (SiteConfig.bool reads Longs)
        assertEquals(List.of(1L, "x"), v.get("pair"));
        assertEquals(Boolean.TRUE, v.get("has_cli_tag"));
        assertTrue(
                !v.containsKey("helper") && !v.containsKey("os") && !v.containsKey("sys"),
                v.keySet().toString());
        assertTrue(
                r.tags().contains("sphinx4")
                        && r.tags().contains("html")
                        && r.tags().contains("mine"),
                r.tags().toString());
        assertEquals("sphinx_rtd_theme", r.config().htmlTheme());
    }

    @Test
    void anExceptionIsAnErrorAtItsLine() throws IOException {
        ConfPyRunner.Result r = run("project = 'x'\n\nraise ValueError('broken here')\n");
        assertTrue(r.failed());
        assertEquals(1, r.messages().size());
        String m = r.messages().get(0).render();
        assertTrue(m.startsWith("src/conf.py:3: ERROR:") && m.contains("ValueError: broken here"), m);
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws IOException {
        ConfPyRunner.Result r = run("a = 1\nb = (\n");
        assertTrue(r.failed());
        assertTrue(
                r.messages().get(0).render().contains("SyntaxError"),
                r.messages().get(0).render());
    }

    @Test
    void unreadableAnswersAreErrorsNotCrashes() throws IOException {
        assertTrue(ConfPyRunner.parse("c.py", new byte[0]).failed());
        assertTrue(ConfPyRunner.parse("c.py", "[1,".getBytes(StandardCharsets.UTF_8))
                .failed());
        assertTrue(ConfPyRunner.parse("c.py", "42".getBytes(StandardCharsets.UTF_8))
                .failed());
    }
}
