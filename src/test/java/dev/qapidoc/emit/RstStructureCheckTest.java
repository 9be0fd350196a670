package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The structural check must catch what it claims to catch, or its green result means nothing. */
class RstStructureCheckTest {

    private static List<String> check(boolean extended, String text) {
        return RstStructureCheck.check(List.of(text.split("\n", -1)), extended);
    }

    private static void assertProblem(boolean extended, String text, String expected) {
        List<String> p = check(extended, text);
        assertTrue(p.stream().anyMatch(s -> s.contains(expected)), () -> "expected '" + expected + "' in " + p);
    }

    @Test
    void acceptsTheSeedShapes() {
        String ok =
                """
                .. qapi:module:: m
                   :no-index:

                .. qapi:union:: U
                   :since: 1.0

                   Body text.

                   :memb Kind kind: the tag
                       continued

                   .. qapi:branch:: kind one

                      :memb [str]? x: ex

                   :feat f: a feature

                .. qapi:command:: c
                   :deprecated:

                   :arg int a: an argument
                   :error GenericError: sometimes
                   :return-nodesc: [Thing]
                """;
        assertEquals(List.of(), check(true, ok));
    }

    @Test
    void rejectsUnknownDirectivesAndOptions() {
        assertProblem(true, ".. qapi:object:: X\n\n   text\n", "unknown directive qapi:object");
        assertProblem(false, ".. qapi:struct:: X\n\n   text\n", "unknown directive qapi:struct");
        assertProblem(true, ".. qapi:enum:: E\n   :color: red\n\n   :value a: b\n", "option :color: not valid");
        assertProblem(true, ".. qapi:enum:: E\n   :deprecated: yes\n\n   :value a: b\n", "flag option");
        assertProblem(true, ".. qapi:enum:: E\n   :since:\n\n   :value a: b\n", "without a value");
        assertProblem(true, ".. qapi:enum:: E.F\n\n   :value a: b\n", "without ':' or '.'");
    }

    @Test
    void rejectsFieldsInTheWrongPlace() {
        assertProblem(true, ".. qapi:enum:: E\n\n   :memb int a: b\n", "field :memb: not valid in qapi:enum");
        assertProblem(true, ".. qapi:struct:: S\n\n   :memb a: b\n", "malformed :memb: argument");
        assertProblem(true, ".. qapi:struct:: S\n\n   :error: b\n", "field :error: not valid");
        assertProblem(true, ".. qapi:alternate:: A\n\n   :alt int a: b\n", "field :alt: not valid");
        assertProblem(false, ".. qapi:command:: c\n\n   :error Name: b\n", "malformed :error: argument");
        assertProblem(
                true, ".. qapi:union:: U\n\n   .. qapi:branch:: tag one\n\n      :feat f: x\n", "inside qapi:branch");
    }

    @Test
    void rejectsMissingBlankLinesAndBadIndentation() {
        assertProblem(
                true, ".. qapi:struct:: S\n\n   Text\n   :memb int a: b\n", "field list starts without a blank line");
        assertProblem(
                true, ".. qapi:struct:: S\n\n   :memb int a: b\n   Text\n", "field list ends without a blank line");
        assertProblem(true, ".. qapi:struct:: S\n\n   :memb int a: b\nTop\n", "must end with a blank line");
        assertProblem(true, ".. qapi:struct:: S\n   Text\n", "expected an option or a blank line");
        assertProblem(true, "Text\n.. qapi:struct:: S\n\n   :memb int a: b\n", "without a blank line before it");
        assertProblem(
                true,
                ".. qapi:union:: U\n\n   .. qapi:branch:: tag\n\n      :memb int a: b\n",
                "needs DISCRIMINATOR VALUE");
        assertProblem(true, ".. qapi:union:: U\n\n   .. qapi:branch:: tag one\n\n   :feat f: x\n", "without content");
        assertProblem(true, ".. qapi:branch:: tag one\n\n   :memb int a: b\n", "outside an object directive");
        assertProblem(true, ".. qapi:struct:: S\n\n   :memb int a: b\n  \n", "whitespace-only line");
    }
}
