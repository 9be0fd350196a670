package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search index of the sample site (issue 15): places are sections and objects, member names,
 * enum values and features point at the object that has them, prose words at the place holding
 * them, each place's text is stored once, and literal blocks are searched without being shown.
 */
class SearchIndexTest {
    private static String js;
    private static JsonNode index;

    @BeforeAll
    static void build() throws IOException {
        js = SiteBuilderTest.page(SiteBuilderTest.build(Path.of("sample-docs"), false), "searchindex.js");
        assertTrue(js.startsWith("Search.setIndex(") && js.endsWith(");\n"), js.substring(0, 40));
        index = new ObjectMapper().readTree(js.substring("Search.setIndex(".length(), js.length() - 3));
    }

    /** The anchors of the places a postings list (gaps) points at. */
    private static List<String> anchors(JsonNode gaps) {
        assertTrue(gaps != null && gaps.isArray(), String.valueOf(gaps));
        List<String> out = new ArrayList<>();
        int u = 0;
        for (JsonNode g : gaps) {
            u += g.asInt();
            out.add(index.get("units").get(u).get(1).asText());
        }
        return out;
    }

    /** The kind of the place with this anchor ("" for a section), failing when there is none. */
    private static String kind(String anchor) {
        for (JsonNode u : index.get("units")) {
            if (u.get(1).asText().equals(anchor)) {
                return u.size() > 3 ? u.get(3).asText() : "";
            }
        }
        throw new AssertionError("no place " + anchor);
    }

    @Test
    void membersValuesAndFeaturesPointAtTheirObject() {
        List<String> members = anchors(index.get("members").get("memory-mb"));
        assertTrue(members.contains("struct-HMP-machines.MachineInfo"), members.toString());
        for (String a : members) {
            assertEquals("struct", kind(a), a);
        }
        assertEquals(
                List.of("enum-HMP-machines.MachineState"),
                anchors(index.get("values").get("running")));
        List<String> unstable = anchors(index.get("features").get("unstable"));
        assertTrue(unstable.contains("command-HMP-machines.machine-pause"), unstable.toString());
        assertFalse(unstable.contains("command-HMP-machines.machine-reboot"), unstable.toString());
        List<String> deprecated = anchors(index.get("features").get("deprecated"));
        assertTrue(deprecated.contains("command-HMP-machines.machine-reboot"), deprecated.toString());
        // a value is not a member: "running" is no member name anywhere in the sample
        assertFalse(index.get("members").has("running"));
    }

    @Test
    void aProseWordPointsAtThePlaceHoldingIt() {
        assertEquals(
                List.of("command-HMP-machines.machine-pause"),
                anchors(index.get("terms").get("survive")));
        // an object's place carries its kind and fully-qualified name
        for (JsonNode u : index.get("units")) {
            if (u.get(1).asText().equals("command-HMP-machines.machine-pause")) {
                assertEquals("machine-pause", u.get(2).asText());
                assertEquals("command", u.get(3).asText());
                assertEquals("HMP:machines.machine-pause", u.get(4).asText());
            }
        }
    }

    @Test
    void eachTextIsStoredOnce() {
        assertEquals(index.get("units").size(), index.get("texts").size());
        assertEquals(2, js.split("pausing may not survive a host restart yet", -1).length, "stored once");
        // stop words point nowhere; their places are found by the other words
        assertFalse(index.get("terms").has("the"));
    }

    /** Two manuals documenting the same definition (QMP and QSD) store its text once. */
    @Test
    void aRepeatedTextIsWrittenOnce() throws IOException {
        SearchIndex idx = new SearchIndex();
        for (String doc : List.of("qmp", "qsd")) {
            SearchUnits.Unit u = new SearchUnits.Unit("command-" + doc + ".x", "x", "command");
            u.text.append("Start a point-in-time copy of a block device.");
            idx.add(doc, doc, List.of(u), Map.of());
        }
        String out = idx.toJs();
        assertEquals(2, out.split("point-in-time copy", -1).length, out);
        JsonNode texts = new ObjectMapper()
                .readTree(out.substring("Search.setIndex(".length(), out.length() - 3))
                .get("texts");
        assertEquals(2, texts.size());
        assertEquals(0, texts.get(1).asInt(), "the second place points at the first one's text");
        assertTrue(texts.get(1).isInt());
    }

    @Test
    void literalBlocksAreSearchedButNotShown() {
        List<String> hits = anchors(index.get("terms").get("web-1"));
        assertTrue(hits.contains("command-HMP-machines.query-machines"), hits.toString());
        for (int i = 0; i < index.get("units").size(); i++) {
            if (index.get("units").get(i).get(1).asText().equals("command-HMP-machines.query-machines")) {
                JsonNode t = index.get("texts").get(i);
                String text = t.isInt() ? index.get("texts").get(t.asInt()).asText() : t.asText();
                assertTrue(text.startsWith("List every machine of this host."), text);
                assertFalse(text.contains("web-1"), text);
            }
        }
    }
}
