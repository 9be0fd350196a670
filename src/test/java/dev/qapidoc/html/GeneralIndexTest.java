package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The general index rules of qapi-domain-and-html.md §5.1.2 and its markup (§5.1.3). */
class GeneralIndexTest {

    @Test
    void sortsLikeSphinxAndGroupsByLetter() {
        String html = GeneralIndex.html(List.of(
                new GeneralIndex.Entry("single", "blockdev-backup (QMP command)", "a.html#1"),
                new GeneralIndex.Entry("single", "block-core (QMP module)", "a.html#2"),
                new GeneralIndex.Entry("single", "block_job_completed (QMP event)", "a.html#3"),
                new GeneralIndex.Entry("single", "Abort (QMP object)", "a.html#4"),
                new GeneralIndex.Entry("single", "-weird", "a.html#5")));
        // '-' < '_' < 'd' in the comparison (§5.1.2 step 2)
        int core = html.indexOf("block-core (QMP module)");
        int job = html.indexOf("block_job_completed (QMP event)");
        int backup = html.indexOf("blockdev-backup (QMP command)");
        assertTrue(core < job && job < backup, html);
        // symbols come first, then letters
        assertTrue(html.indexOf("<h2 id=\"Symbols\">") < html.indexOf("<h2 id=\"A\">"), html);
        assertTrue(html.contains(" <a href=\"#Symbols\"><strong>Symbols</strong></a>\n | <a href=\"#A\">"), html);
        assertTrue(html.contains("<li><a href=\"a.html#4\">Abort (QMP object)</a></li>"), html);
    }

    @Test
    void sameNameInTwoKindsBecomesSubEntryOfTheFirst() {
        // Sphinx 5.3 as the golden genindex shows it (transaction, yank): the first entry keeps
        // its text and link, the next "X (b)" becomes its sub-entry "(b)"
        String html = GeneralIndex.html(List.of(
                new GeneralIndex.Entry("single", "guest-ping (QMP command)", "qmp.html#x"),
                new GeneralIndex.Entry("single", "guest-ping (QGA command)", "qga.html#y")));
        assertTrue(
                html.contains("<li><a href=\"qga.html#y\">guest-ping (QGA command)</a>\n      <ul>\n"
                        + "        <li><a href=\"qmp.html#x\">(QMP command)</a></li>\n      </ul></li>"),
                html);
    }

    @Test
    void pairEntriesAppearUnderBothWordsAndRepeatsGetNumberedLinks() {
        String html = GeneralIndex.html(List.of(
                new GeneralIndex.Entry("pair", "QAPI module; block-core", "t.html#m"),
                new GeneralIndex.Entry("single", "widget", "a.html#1"),
                new GeneralIndex.Entry("single", "widget", "b.html#2")));
        assertTrue(
                html.contains("<li>QAPI module\n      <ul>\n        <li><a href=\"t.html#m\">block-core</a></li>"),
                html);
        assertTrue(
                html.contains("<li>block-core\n      <ul>\n        <li><a href=\"t.html#m\">QAPI module</a></li>"),
                html);
        assertTrue(html.contains("<a href=\"a.html#1\">widget</a>, <a href=\"b.html#2\">[1]</a>"), html);
    }
}
