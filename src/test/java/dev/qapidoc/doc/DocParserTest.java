package dev.qapidoc.doc;

import static dev.qapidoc.doc.DocBlocks.errorOf;
import static dev.qapidoc.doc.DocBlocks.parseFirst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.source.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code ##} parser against doc-comments-and-rest.md Part 1: line checks (§1.2, §1.3),
 * classification (§1.4, §1.5) and the section split (§1.6), with the error catalogue of §1.11.1.
 * Inputs are schema snippets; line 1 is the first line of the text block.
 */
class DocParserTest {

    static String dump(Doc d) {
        StringBuilder sb = new StringBuilder();
        d.appendTestDump(sb);
        return sb.toString();
    }

    static String err(String src) {
        return errorOf(src).render();
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Nested
    class LineClassification {
        @Test
        void junkAfterClosingHashes() { // E3
            assertEquals("t.json:3:1: junk after '##' at end of documentation comment", err("##\n# @foo:\n## x\n"));
            assertEquals("t.json:3:1: junk after '##' at end of documentation comment", err("##\n# @foo:\n###\n"));
            assertEquals("t.json:3:4: junk after '##' at end of documentation comment", err("##\n# @foo:\n   ## \n"));
        }

        @Test
        void missingSpaceAfterHash() { // E4
            assertEquals("t.json:3:1: missing space after #", err("##\n# missing space:\n#wef\n##\n"));
            assertEquals("t.json:2:1: missing space after #", err("##\n#\ttext\n##\n"));
        }

        @Test
        void columnUsesQemuTabRuleNotTabStops() {
            // A TAB wraps the column into 1..8: after 8 blanks (col 9) a TAB gives col 1.
            assertEquals("t.json:2:1: missing space after #", err("##\n        \t#x\n##\n"));
            assertEquals("t.json:2:1: missing space after #", err("##\n\t#x\n##\n"));
            assertEquals("t.json:2:10: missing space after #", err("##\n         #x\n##\n"));
        }

        @Test
        void hashAloneAndBlankTextAreBlankLines() {
            Doc d = parseFirst("##\n# @foo:\n#\n#   \n# Body\n##\n");
            assertEquals("Body", d.body().text());
            assertEquals(5, d.body().location().line());
        }

        @Test
        void blankSourceLinesAndIndentedHashesAreInvisible() {
            Doc d = parseFirst("##\n# @foo:\n\n   # one\n\n# two\n##\n");
            assertEquals("one\ntwo", d.body().text());
        }

        @Test
        void trailingWhitespaceIsStrippedWithPythonsSet() {
            Doc d = parseFirst("##\n# @foo:\n# text \u00a0\t \u3000\n##\n");
            assertEquals("text", d.body().text());
        }
    }

    @Nested
    class LineLength { // E5, §1.3.2 rule 1
        @Test
        void sixtyEightCharactersAfterHashSpaceAreFine() {
            Doc d = parseFirst("##\n# " + repeat('a', 68) + "\n##\n");
            assertEquals(repeat('a', 68), d.body().text());
        }

        @Test
        void sixtyNineAreTooMany() {
            assertEquals(
                    "t.json:2:1: documentation line longer than 70 characters",
                    err("##\n# " + repeat('a', 69) + "\n##\n"));
        }

        @Test
        void lengthCountsCodePointsLikePython() {
            String emoji = "\ud83d\ude00";
            parseFirst("##\n# " + emoji.repeat(68) + "\n##\n");
            assertEquals(
                    "t.json:2:1: documentation line longer than 70 characters",
                    err("##\n# " + emoji.repeat(69) + "\n##\n"));
        }

        @Test
        void aLineThatIsOnlyAUrlIsExempt() {
            parseFirst("##\n#   https://example.org/" + repeat('x', 80) + "\n##\n");
            parseFirst("##\n# ftp://example.org/" + repeat('x', 80) + "\n##\n");
            assertEquals(
                    "t.json:2:1: documentation line longer than 70 characters",
                    err("##\n# see https://example.org/" + repeat('x', 80) + "\n##\n"));
            assertEquals(
                    "t.json:2:1: documentation line longer than 70 characters",
                    err("##\n# https://example.org/" + repeat('x', 80) + " more\n##\n"));
        }

        @Test
        void literalModeAfterBareDoubleColonOrQmpExample() {
            String longLine = repeat('x', 80);
            parseFirst("##\n# @foo:\n#\n# ::\n#\n#   " + longLine + "\n#   " + longLine + "\n##\n");
            parseFirst("##\n# @foo:\n#\n# .. qmp-example::\n#    :title: " + longLine + "\n##\n");
            parseFirst("##\n# @foo:\n#\n#   ::\n#\n#   " + longLine + "\n##\n");
        }

        @Test
        void deIndentEndsLiteralModeAndThatLineIsChecked() {
            String longLine = repeat('x', 80);
            assertEquals(
                    "t.json:7:1: documentation line longer than 70 characters",
                    err("##\n# @foo:\n#\n# ::\n#\n#   ok\n# " + longLine + "\n##\n"));
        }

        @Test
        void firstUnindentedLineLeavesLiteralIndentUnset() {
            // literalIndent stays 0, so literal mode continues until an indented line sets it
            String longLine = repeat('x', 80);
            parseFirst("##\n# @foo:\n#\n# ::\n# " + longLine + "\n#   " + longLine + "\n##\n");
        }

        @Test
        void otherDoubleColonFormsDoNotStartLiteralMode() {
            String longLine = repeat('x', 80);
            assertEquals(
                    "t.json:5:1: documentation line longer than 70 characters",
                    err("##\n# @foo:\n#\n# Examples::\n#   " + longLine + "\n##\n"));
            assertEquals(
                    "t.json:5:1: documentation line longer than 70 characters",
                    err("##\n# @foo:\n#\n#  .. qmp-example::\n#    " + longLine + "\n##\n"));
            assertEquals(
                    "t.json:5:1: documentation line longer than 70 characters",
                    err("##\n# @foo:\n#\n# .. code-block::\n#    " + longLine + "\n##\n"));
        }

        @Test
        void literalModeIsResetByTheClosingHashes() {
            String text = "##\n# @a:\n#\n# ::\n#\n#   x\n##\n{}\n##\n# @b:\n#\n#   " + repeat('y', 80) + "\n##\n";
            assertEquals(
                    "t.json:12:1: documentation line longer than 70 characters",
                    assertThrowsRender(() -> DocBlocks.of("t.json", text).parseAll()));
        }
    }

    static String assertThrowsRender(Runnable r) {
        try {
            r.run();
        } catch (dev.qapidoc.source.QapiException e) {
            return e.diagnostic().render();
        }
        throw new AssertionError("expected a QapiException");
    }

    @Nested
    class SentenceSpacing { // E6, §1.3.2 rule 2, schema-language.md §5.5
        static final String MSG =
                ": Use two spaces between sentences\n" + "If this not the end of a sentence, please report a bug.";

        @Test
        void vectorLine() {
            assertEquals(
                    "t.json:4:47" + MSG,
                    err("##\n# @foo:\n#\n"
                            + "# Sentences should be separated by two spaces. But here is only one.\n##\n"));
        }

        @Test
        void onlyOneDigitListNumbersAreExempt() {
            parseFirst("##\n# @foo:\n#\n# 1. Item\n#   2. Item\n##\n");
            assertEquals("t.json:4:6" + MSG, err("##\n# @foo:\n#\n# 10. Foo bar\n##\n"));
        }

        @Test
        void egIsExemptButIeIsNot() {
            assertEquals("t.json:4:36" + MSG, err("##\n# @foo:\n#\n# Use this, e.g. Foo bar.  And i.e. Foo.\n##\n"));
        }

        @Test
        void punctuationAndFollowers() {
            parseFirst("##\n# @foo:\n#\n# Hi. there, ok.  Two (x). done\n##\n");
            assertEquals("t.json:2:7" + MSG, err("##\n# Wow! Yes\n##\n"));
            assertEquals("t.json:2:8" + MSG, err("##\n# What? (x\n##\n"));
            assertEquals("t.json:2:6" + MSG, err("##\n# No. 9\n##\n"));
        }

        @Test
        void columnIsCountedFromTheLineStartEvenWhenTheHashIsIndented() {
            // pos = line start + 2 + k + 1: for "   # Foo. Bar" that is 3 + 3 chars -> column 7
            assertEquals("t.json:2:7" + MSG, err("##\n   # Foo. Bar\n##\n"));
        }

        @Test
        void literalModeSkipsTheCheck() {
            parseFirst("##\n# @foo:\n#\n# ::\n#\n#   Foo. Bar\n##\n");
        }
    }

    @Nested
    class Classification { // §1.4, §1.5
        @Test
        void freeFormKeepsBlankLinesAndStripsOuterOnes() {
            Doc d = parseFirst("##\n#\n# *******\n# Section\n#\n#\n# text @var {x}\n#\n##\n");
            assertTrue(d.isFreeForm());
            assertNull(d.symbol());
            assertEquals("doc freeform\n    body=\n*******\nSection\n\n\ntext @var {x}\n", dump(d));
            assertEquals(1, d.location().line());
            assertEquals(1, d.body().location().line(), "free-form body stays at the ## line");
            assertEquals(List.of(d.body()), d.allSections());
        }

        @Test
        void emptyBlockIsFreeForm() {
            Doc d = parseFirst("##\n##\n");
            assertTrue(d.isFreeForm());
            assertEquals("doc freeform\n    body=\n\n", dump(d));
        }

        @Test
        void tagsAreTextInFreeForm() {
            Doc d = parseFirst("##\n# Returns: the King\n# Since: the first age\n# Features:\n##\n");
            assertEquals(
                    "Returns: the King\nSince: the first age\nFeatures:",
                    d.body().text());
        }

        @Test
        void symbolLineMustEndWithColon() { // E7
            assertEquals("t.json:2:1: line should end with ':'", err("##\n# @missing-colon\n##\n"));
            assertEquals("t.json:2:1: line should end with ':'", err("##\n# @\n##\n"));
        }

        @Test
        void symbolMustNotBeEmpty() { // E8
            assertEquals("t.json:2:1: name required after '@'", err("##\n# @:\n##\n"));
        }

        @Test
        void symbolIsNotValidated() {
            assertEquals("foo: bar", parseFirst("##\n# @foo: bar:\n##\n").symbol());
        }

        @Test
        void atLinesInFreeFormAreErrors() { // E14
            assertEquals(
                    "t.json:3:1: '@note:' not allowed in free-form documentation",
                    err("##\n# freeform\n# @note: foo\n##\n"));
            assertEquals("t.json:3:1: '@foo:' not allowed in free-form documentation", err("##\n#\n# @foo:\n##\n"));
            assertEquals(
                    "t.json:3:1: '@:' not allowed in free-form documentation",
                    err("##\n# @: x\n##\n".replace("# @", "#\n# @")));
            assertEquals("t.json:3:1: '@a b:' not allowed in free-form documentation", err("##\n# x\n# @a b: c\n##\n"));
            parseFirst("##\n# x\n# @var {in braces}\n##\n");
        }
    }

    @Nested
    class SectionSplit { // §1.6
        @Test
        void workedExampleW1() {
            String src =
                    """
                    ##
                    # @cmd:
                    #
                    # @arg1:
                    #     description starts on a new line,
                    #     indented
                    #
                    # @arg2: description starts on the same line
                    #     remainder indented differently
                    #
                    # Features:
                    # @cmd-feat1: a feature
                    # @cmd-feat2: another feature
                    #
                    # .. note:: @arg3 is undocumented
                    #
                    # Returns: @Object
                    #
                    # Errors: some
                    #
                    # TODO: frobnicate
                    #
                    # .. admonition:: Notes
                    #
                    #  - Lorem ipsum dolor sit amet
                    #  - Ut enim ad minim veniam
                    #
                    #  Duis aute irure dolor
                    #
                    # .. qmp-example::
                    #    :title: Ideal fast-food burger situation
                    #
                    #    -> "in"
                    #    <- "out"
                    #
                    # Examples::
                    #
                    #  - Not a QMP code block
                    #  - Merely a preformatted code block literal
                    #  It isn't even an rST list.
                    #  - *verbatim*
                    #  - {braces}
                    #
                    # Note::
                    #     Ceci n'est pas une note
                    #
                    # Since: 2.10
                    ##
                    """;
            Doc d = parseFirst(src);
            assertEquals(
                    """
                    doc symbol=cmd
                        body=

                        arg=arg1
                        description starts on a new line,
                        indented
                        arg=arg2
                    description starts on the same line
                        remainder indented differently
                        feature=cmd-feat1
                    a feature
                        feature=cmd-feat2
                    another feature
                        section=Plain
                    .. note:: @arg3 is undocumented
                        section=Returns
                    @Object
                        section=Errors
                    some
                        section=Todo
                    frobnicate
                        section=Plain
                    .. admonition:: Notes

                     - Lorem ipsum dolor sit amet
                     - Ut enim ad minim veniam

                     Duis aute irure dolor

                    .. qmp-example::
                       :title: Ideal fast-food burger situation

                       -> "in"
                       <- "out"

                    Examples::

                     - Not a QMP code block
                     - Merely a preformatted code block literal
                     It isn't even an rST list.
                     - *verbatim*
                     - {braces}

                    Note::
                        Ceci n'est pas une note
                        section=Since
                    2.10
                    """,
                    dump(d));
            // info lines (§1.6.6)
            assertEquals(1, d.body().location().line(), "empty body keeps the ## line");
            assertEquals(4, d.args().get(0).location().line());
            assertEquals(8, d.args().get(1).location().line());
            assertEquals(12, d.features().get(0).location().line());
            assertEquals(15, d.sections().get(0).location().line());
            assertEquals(17, d.returns().orElseThrow().location().line());
            assertEquals(19, d.errors().orElseThrow().location().line());
            assertEquals(23, d.sections().get(4).location().line());
            assertEquals(47, d.since().orElseThrow().location().line());
            assertEquals(
                    List.of(
                            Doc.Kind.PLAIN,
                            Doc.Kind.MEMBER,
                            Doc.Kind.MEMBER,
                            Doc.Kind.FEATURE,
                            Doc.Kind.FEATURE,
                            Doc.Kind.PLAIN,
                            Doc.Kind.RETURNS,
                            Doc.Kind.ERRORS,
                            Doc.Kind.TODO,
                            Doc.Kind.PLAIN,
                            Doc.Kind.SINCE),
                    kinds(d));
        }

        @Test
        void blankRunsBetweenBodyParagraphsCollapseToOne() { // W7 Sub, exp. e15
            Doc d = parseFirst(
                    """
                    ##
                    # @Sub:
                    #
                    # Intro with @kind ref.
                    #
                    #
                    #
                    # Second para
                    #     indented line
                    #
                    # @x: ex
                    #
                    # Features:
                    #
                    # @feat-x: gone
                    ##
                    """);
            assertEquals(
                    """
                    doc symbol=Sub
                        body=
                    Intro with @kind ref.

                    Second para
                        indented line
                        arg=x
                    ex
                        feature=feat-x
                    gone
                    """,
                    dump(d));
            assertEquals(4, d.body().location().line(), "body info moves to its first paragraph");
            List<Doc.TextLine> lines = d.body().lines();
            assertEquals(
                    List.of("Intro with @kind ref.", "", "Second para", "    indented line"),
                    lines.stream().map(Doc.TextLine::text).toList());
            assertEquals(
                    List.of(4, 5, 8, 9),
                    lines.stream().map(l -> l.location().line()).toList(),
                    "each text line keeps its source line; the separator is the first blank");
        }

        @Test
        void literalBlocksAndLongExampleLines() { // W7 do-it
            String title = ":title: A really long example title that goes beyond seventy characters for sure";
            Doc d = parseFirst(
                    """
                    ##
                    # @do-it:
                    #
                    # Do it.
                    #
                    # Errors:
                    #     - If bad, GenericError
                    #
                    # Returns:
                    #     A list
                    #     of things
                    #
                    # .. qmp-example::
                    #    TITLE
                    #
                    #    -> { "execute": "do-it", "arguments": { "very-long-argument-name": "value" } }
                    #    <- { "return": [] }
                    #
                    # Plain text after the example, fine.
                    #
                    # ::
                    #
                    #   literal block line that is long enough to exceed the seventy column limit
                    ##
                    """
                            .replace("TITLE", title));
            assertEquals(
                    """
                    doc symbol=do-it
                        body=
                    Do it.
                        section=Errors
                        - If bad, GenericError
                        section=Returns
                        A list
                        of things
                        section=Plain
                    .. qmp-example::
                       TITLE

                       -> { "execute": "do-it", "arguments": { "very-long-argument-name": "value" } }
                       <- { "return": [] }

                    Plain text after the example, fine.

                    ::

                      literal block line that is long enough to exceed the seventy column limit
                    """
                            .replace("TITLE", title),
                    dump(d));
        }

        @Test
        void multiLineSinceKeepsIndentation() { // W7 Base
            Doc d = parseFirst("##\n# @Base:\n#\n# @kind: which\n#\n# Since: 2.0\n#     but really 2.1\n##\n");
            assertEquals("2.0\n    but really 2.1", d.since().orElseThrow().text());
            assertEquals(
                    List.of(6, 7),
                    d.since().orElseThrow().lines().stream()
                            .map(l -> l.location().line())
                            .toList());
        }

        @Test
        void minimalIndentIsPreserved() { // doc-good Base
            Doc d = parseFirst("##\n# @Base:\n#\n# @base1:\n#  description starts on a new line,\n"
                    + "#  minimally indented\n##\n");
            assertEquals(
                    " description starts on a new line,\n minimally indented",
                    d.args().get(0).text());
        }

        @Test
        void featuresInsideAParagraphAreText() { // exp. k2
            Doc d = parseFirst("##\n# @foo:\n#\n# Body text\n# Features:\n# @f: x\n##\n");
            assertEquals("Body text\nFeatures:\n@f: x", d.body().text());
            assertTrue(d.features().isEmpty());
        }

        @Test
        void tagDirectlyAfterADescriptionIsRecognised() { // exp. k3
            Doc d = parseFirst("##\n# @foo:\n#\n# @a: x\n# Since: 1.0\n##\n");
            assertEquals("doc symbol=foo\n    body=\n\n    arg=a\nx\n    section=Since\n1.0\n", dump(d));
        }

        @Test
        void tagDirectlyAfterTheSymbolLine() { // doc-invalid-return2
            Doc d = parseFirst("##\n# @foo:\n# Returns: blah\n##\n");
            assertEquals("blah", d.returns().orElseThrow().text());
            assertEquals(3, d.returns().orElseThrow().location().line());
        }

        @Test
        void tagInsideAParagraphIsText() {
            Doc d = parseFirst("##\n# @foo:\n#\n# Some text\n# Since: 1.0\n##\n");
            assertEquals("Some text\nSince: 1.0", d.body().text());
            assertTrue(d.since().isEmpty());
        }

        @Test
        void tagSpellings() {
            assertEquals(
                    "1.0",
                    parseFirst("##\n# @foo:\n#\n# Since:1.0\n##\n")
                            .since()
                            .orElseThrow()
                            .text());
            for (String notATag :
                    List.of("since: 7.1", "Since 7.1", "Since : 7.1", "Since:: x", "Examples::", "Note::")) {
                Doc d = parseFirst("##\n# @foo:\n#\n# " + notATag + "\n##\n");
                assertEquals(notATag, d.body().text(), notATag);
                assertTrue(d.sections().isEmpty(), notATag);
            }
        }

        @Test
        void featuresAfterSinceAreAccepted() { // exp. e11
            Doc d = parseFirst("##\n# @foo:\n#\n# Since: 1.0\n#\n# Features:\n#\n# @deprecated: old\n##\n");
            assertEquals("doc symbol=foo\n    body=\n\n    feature=deprecated\nold\n    section=Since\n1.0\n", dump(d));
        }

        @Test
        void atLinesAfterFeaturesStayFeatures() { // exp. e18
            Doc d = parseFirst("##\n# @foo:\n#\n# Features:\n# @f: x\n#\n# @a: arg\n##\n");
            assertEquals(
                    List.of("f", "a"),
                    d.features().stream().map(Doc.Section::name).toList());
            assertTrue(d.args().isEmpty());
        }

        @Test
        void plainAfterADescriptionIsANewSection() {
            Doc d = parseFirst("##\n# @foo:\n#\n# Body\n#\n# @a: x\n#\n# More\n#\n# And more\n##\n");
            assertEquals("Body", d.body().text());
            assertEquals(1, d.sections().size());
            assertEquals("More\n\nAnd more", d.sections().get(0).text());
            assertEquals(8, d.sections().get(0).location().line());
        }

        @Test
        void bodyParagraphsMayPrecedeDescriptionsButNotFollowSections() {
            Doc d = parseFirst("##\n# @Variant1:\n#\n# A paragraph\n#\n# Another paragraph\n#\n"
                    + "# @var1 is undocumented\n#\n# Features:\n# @variant1-feat: a feature\n##\n");
            assertEquals(
                    "A paragraph\n\nAnother paragraph\n\n@var1 is undocumented",
                    d.body().text());
        }

        @Test
        void blankLinesInsideADescriptionAreKept() {
            Doc d = parseFirst("##\n# @foo:\n#\n# @a: x\n#\n#     - one\n#\n#     - two\n#\n##\n");
            assertEquals("x\n\n    - one\n\n    - two", d.args().get(0).text());
        }

        @Test
        void deIndentQuirkW10() { // exp. e08
            Doc d = parseFirst("##\n# @foo:\n#\n# @a: foo\n#     bar\n#     qux\n# baz\n##\n");
            assertEquals("foo\n    bar\n    qux", d.args().get(0).text());
            assertEquals("baz", d.sections().get(0).text());
            assertEquals(Doc.Kind.PLAIN, d.sections().get(0).kind());
        }

        @Test
        void deIndentDirectlyAfterTheFirstContinuationLine() { // E15, doc-bad-indent
            assertEquals(
                    "t.json:7:1: unexpected de-indent (expected at least 2 spaces)",
                    err(
                            """
                    # Multiline doc comments should have consistent indentation

                    ##
                    # @foo:
                    # @a: line one
                    #   line two
                    # line three is wrongly indented
                    ##
                    """));
            assertEquals(
                    "t.json:6:1: unexpected de-indent (expected at least 4 spaces)",
                    err("##\n# @foo:\n#\n# @a: foo\n#     bar\n# baz\n##\n"));
            assertEquals(
                    "t.json:6:1: unexpected de-indent (expected at least 3 spaces)",
                    err("##\n# @foo:\n#\n# @a: foo\n#    bar\n#  baz\n##\n"));
        }

        @Test
        void blankLineAfterFirstContinuationAlsoAllowsDeIndent() {
            Doc d = parseFirst("##\n# @foo:\n#\n# @a: foo\n#     bar\n#\n#  baz\n##\n");
            assertEquals("foo\n    bar", d.args().get(0).text());
            assertEquals(" baz", d.sections().get(0).text());
        }

        @Test
        void descriptionLineEndsAContinuation() {
            Doc d = parseFirst("##\n# @foo:\n#\n# @a: x\n#   more\n# @b: y\n##\n");
            assertEquals(
                    List.of("x\n  more", "y"),
                    d.args().stream().map(Doc.Section::text).toList());
        }

        @Test
        void emptyDescriptionFollowedByUnindentedLine() { // §1.6.3 consequence
            assertEquals("t.json:4: text required after 'Member:'", err("##\n# @foo:\n#\n# @a:\n# text\n##\n"));
        }

        @Test
        void twoTodoSectionsAreAllowed() {
            Doc d = parseFirst("##\n# @foo:\n#\n# TODO: a\n#\n# TODO: b\n##\n");
            assertEquals(
                    List.of("a", "b"),
                    d.sections().stream().map(Doc.Section::text).toList());
        }
    }

    @Nested
    class SectionErrors {
        @Test
        void duplicatedFeaturesLine() { // E9, doc-duplicate-features, exp. e17
            assertEquals(
                    "t.json:7:1: duplicated 'Features:' line",
                    err("##\n# @foo:\n#\n# Features:\n# @feat: mumble\n#\n# Features:\n##\n"));
            assertEquals(
                    "t.json:9:1: duplicated 'Features:' line",
                    err(
                            """
                    ##
                    # @foo:
                    #
                    # Since: 1.0
                    #
                    # Features:
                    # @f: x
                    #
                    # Features:
                    # @g: y
                    ##
                    """));
        }

        @Test
        void featureDescriptionsExpected() { // E10
            assertEquals("t.json:6:1: feature descriptions expected", err("##\n# @foo:\n#\n# Features:\n#\n##\n"));
            assertEquals("t.json:5:1: feature descriptions expected", err("##\n# @foo:\n#\n# Features:\n# text\n##\n"));
        }

        @Test
        void descriptionAfterASection() { // E11
            assertEquals(
                    "t.json:6:1: description of '@foobar:' follows a section",
                    err("##\n# @foo:\n#\n# TODO: a section.\n#\n# @foobar: catch this\n##\n"));
            assertEquals(
                    "t.json:9:1: description of '@b:' follows a section",
                    err("##\n# @foo:\n#\n# @a: x\n#\n# Features:\n# @f: y\n##\n"
                            .replace("# @f: y\n", "# @f: y\n# Since: 1\n# @b: z\n")));
        }

        @Test
        void noteAndExampleSectionsAreRejected() { // E12, E13
            String note = "section is no longer supported. Please use rST's '.. note::' or "
                    + "'.. admonition:: notes' directives, or another suitable admonition instead.";
            String example = "section is no longer supported. Please use the '.. qmp-example::' "
                    + "directive, or other suitable markup instead.";
            assertEquals("t.json:4:1: The 'Note' " + note, err("##\n# @foo:\n#\n# Note: x\n##\n"));
            assertEquals("t.json:4:1: The 'Notes' " + note, err("##\n# @foo:\n#\n# Notes:\n##\n"));
            assertEquals("t.json:4:1: The 'Example' " + example, err("##\n# @foo:\n#\n# Example:\n##\n"));
            assertEquals("t.json:4:1: The 'Examples' " + example, err("##\n# @foo:\n#\n# Examples: x\n##\n"));
        }

        @Test
        void invalidParameterName() { // E16
            assertEquals("t.json:3: invalid parameter name", err("##\n# @foo:\n# @:\n##\n"));
            assertEquals("t.json:4: invalid parameter name", err("##\n# @foo:\n# Features:\n# @: x\n##\n"));
        }

        @Test
        void duplicatedParameterName() { // E17
            assertEquals("t.json:4: 'a' parameter name duplicated", err("##\n# @foo:\n# @a:\n# @a:\n##\n"));
            assertEquals(
                    "t.json:5: 'f' parameter name duplicated", err("##\n# @foo:\n# Features:\n# @f: x\n# @f: y\n##\n"));
            // the same name as member and as feature is fine
            Doc d = parseFirst("##\n# @foo:\n# @a: x\n#\n# Features:\n# @a: y\n##\n");
            assertEquals("x", d.args().get(0).text());
            assertEquals("y", d.features().get(0).text());
        }

        @Test
        void duplicatedTaggedSections() { // E18
            for (String tag : List.of("Returns", "Errors", "Since")) {
                assertEquals(
                        "t.json:6: duplicated '" + tag + "' section",
                        err("##\n# @foo:\n#\n# " + tag + ": a\n#\n# " + tag + ": b\n##\n"),
                        tag);
            }
        }

        @Test
        void textRequired() { // E19, exp. e01, e02, doc-empty-section
            assertEquals("t.json:4: text required after 'Member:'", err("##\n# @foo:\n#\n# @a:\n##\n"));
            assertEquals("t.json:4: text required after 'Todo:'", err("##\n# @foo:\n#\n# TODO:\n##\n"));
            assertEquals(
                    "t.json:6: text required after 'Errors:'", err("##\n# @foo:\n#\n# Returns: x\n#\n# Errors:\n##\n"));
            assertEquals("t.json:4: text required after 'Returns:'", err("##\n# @foo:\n#\n# Returns:\n#\n##\n"));
            assertEquals("t.json:4: text required after 'Since:'", err("##\n# @foo:\n#\n# Since:   \n##\n"));
            assertEquals("t.json:4: text required after 'Feature:'", err("##\n# @foo:\n# Features:\n# @f:\n##\n"));
        }

        @Test
        void textRequiredIsReportedInSectionOrder() {
            assertEquals(
                    "t.json:3: text required after 'Member:'", err("##\n# @foo:\n# @a:\n#\n# Features:\n# @f:\n##\n"));
        }

        @Test
        void earlierParseErrorWinsOverEmptySection() {
            assertEquals("t.json:5:1: missing space after #", err("##\n# @foo:\n# @a:\n#\n#bad\n##\n"));
        }

        @Test
        void errorsInIncludedFilesKeepTheChain() {
            SourceLocation inc = SourceLocation.of("top.json", 1);
            String msg = assertThrowsRender(
                    () -> DocBlocks.of("sub.json", "##\n# @foo:\n#\n# TODO:\n##\n{ 'command': 'foo' }\n", inc)
                            .parseAll());
            assertEquals("In file included from top.json:1:\nsub.json:4: text required after 'Todo:'", msg);
        }
    }

    @Nested
    class Robustness {
        @Test
        void lexerErrorsPassThrough() { // E2 is raised by the DocLineSource (doc-invalid-end)
            assertEquals("t.json:5:2: documentation comment must end with '##'", err("##\n# @foo:\n#\n# x\n#\n"));
            assertEquals(
                    "t.json:3:1: documentation comment must end with '##'", err("##\n# @foo:\n{ 'command': 'foo' }\n"));
        }

        @Test
        void nullFromALineSourceIsAnErrorNotACrash() {
            DocLine open = new DocLine("##", SourceLocation.of("t.json", 1), "##", 0);
            String msg = assertThrowsRender(() -> DocParser.parse(open, () -> null));
            assertEquals("t.json:1: documentation comment must end with '##'", msg);
        }

        @Test
        @org.junit.jupiter.api.Timeout(10)
        void hugeBlocksParseInLinearTime() {
            StringBuilder sb = new StringBuilder("##\n# @foo:\n#\n# @a: x\n");
            for (int i = 0; i < 100_000; i++) {
                sb.append("#     line ").append(i).append('\n');
            }
            sb.append("#\n# ::\n#\n#   ").append("@".repeat(1_000_000)).append("\n##\n");
            Doc d = parseFirst(sb.toString());
            assertEquals(100_001, d.args().get(0).lines().size());
            assertEquals(3, d.sections().get(0).lines().size());
        }
    }

    static List<Doc.Kind> kinds(Doc d) {
        return d.allSections().stream().map(Doc.Section::kind).toList();
    }
}
