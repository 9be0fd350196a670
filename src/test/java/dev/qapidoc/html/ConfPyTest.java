package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfPyTest {

    @Test
    void literalsOfEveryKind() {
        ConfPy.Result r = ConfPy.parse(
                "conf.py",
                """
                # comment
                project = 'QEMU'  # trailing comment
                version = "10.2"
                default_role = 'any'
                smartquotes = False
                count = 3
                ratio = 1.5
                qapi_namespaces = {"QGA", "QMP", "QSD"}
                fields = ['see also',
                          'example']   # continued
                pair = ('a', 'b')
                opts = {'k': [1, 2], "n": None}
                long = '''multi
                line'''
                joined = 'a' 'b'
                """);
        assertEquals(List.of(), r.messages());
        SiteConfig c = r.config();
        assertEquals("QEMU", c.project());
        assertEquals("10.2", c.version());
        assertEquals("any", c.defaultRole());
        assertEquals(false, c.smartquotes());
        assertEquals(3L, c.values().get("count"));
        assertEquals(1.5, c.values().get("ratio"));
        assertEquals(List.of("QGA", "QMP", "QSD"), c.strings("qapi_namespaces"));
        assertEquals(List.of("see also", "example"), c.strings("fields"));
        assertEquals(List.of("a", "b"), c.values().get("pair"));
        assertEquals(
                Map.of("k", List.of(1L, 2L)),
                Map.of("k", ((Map<?, ?>) c.values().get("opts")).get("k")));
        assertEquals("multi\nline", c.values().get("long"));
        assertEquals("ab", c.values().get("joined"));
        assertEquals("index", c.rootDoc());
    }

    @Test
    void otherStatementsAreSkippedWithOneNote() {
        ConfPy.Result r = ConfPy.parse(
                "docs/conf.py",
                "import sys\nproject = 'X'\nextensions = [f(x)]\n" + "if True:\n    y = 1\nmaster_doc = 'contents'\n");
        assertEquals("X", r.config().project());
        assertEquals(null, r.config().values().get("y"), "assignment inside a block is conditional");
        assertEquals("contents", r.config().rootDoc());
        assertEquals(1, r.messages().size());
        String note = r.messages().get(0).render();
        assertTrue(note.startsWith("docs/conf.py:1: INFO: skipped 4 statement(s)"), note);
    }
}
