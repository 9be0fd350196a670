package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legacy docs, converted at the doc level by tolerant loading, go through the reST writer
 * unchanged: the 2017 examples of doc-comments-and-rest.md §3.6 give exactly the recommended
 * reST, and the old corpus schemas give structurally sound {@code qapi:} reST in both dialects.
 */
class TolerantRstTest {
    @TempDir
    Path dir;

    private String rst(String schema) throws IOException {
        Files.writeString(dir.resolve("s.json"), schema, StandardCharsets.UTF_8);
        LoadResult r = SchemaLoader.load("s.json", LoadOptions.tolerant(dir));
        assertEquals(List.of(), r.errors());
        return RstWriter.render(
                RstWriter.write(r.schema(), new RstWriter.Options(null, RstWriter.Dialect.QEMU)), false, dir);
    }

    /**
     * §3.6, the free-form block of the 2017 document, in a schema that is old (it uses an old
     * pragma name; without any such sign the schema would be valid today and read as today).
     */
    @Test
    void legacyFreeFormMarkup() throws IOException {
        String out = rst(
                """
                { 'pragma': { 'returns-whitelist': [] } }
                ##
                # = Section
                # == Subsection
                #
                # Some text foo with *strong* and _emphasis_
                # 1. with a list
                # 2. like that
                #
                # And some code:
                # | $ echo foo
                # | -> do this
                # | <- get that
                #
                ##
                """);
        assertEquals(
                """
                .. qapi:module:: s

                *******
                Section
                *******

                Subsection
                ==========

                Some text foo with **strong** and *emphasis*

                1. with a list
                2. like that

                And some code:

                ::

                   $ echo foo
                   -> do this
                   <- get that

                """,
                out);
    }

    private static final String SIMPLE_UNION =
            """
            ##
            # @Tank:
            # @litres: volume
            ##
            { 'struct': 'Tank', 'data': { 'litres': 'int' } }
            ##
            # @Cargo:
            # A simple union.
            ##
            { 'union': 'Cargo', 'data': { 'tank': 'Tank', 'label': 'str' } }
            """;

    /**
     * A simple union (schema-language.md Appendix A) renders like QEMU 5.0's manual: the tag
     * typed string instead of its implicit enum, "One of" its values; each branch names data's type, never
     * the implicit q_obj_T-wrapper (which has no entry and would be a dangling reference).
     */
    @Test
    void simpleUnionQemuDialect() throws IOException {
        String out = rst(SIMPLE_UNION);
        String cargo = out.substring(out.indexOf(".. qapi:object:: Cargo"));
        assertEquals(
                """
                .. qapi:object:: Cargo

                   A simple union.

                   :memb string type: One of ``"tank"``, ``"label"``
                   :memb q_dummy q_dummy:  When ``type`` is ``tank``: ``data``: :qapi:type:`Tank`.
                   :memb q_dummy q_dummy:  When ``type`` is ``label``: ``data``: ``string``.

                """,
                cargo);
    }

    @Test
    void simpleUnionExtendedDialect() throws IOException {
        Files.writeString(dir.resolve("s.json"), SIMPLE_UNION, StandardCharsets.UTF_8);
        LoadResult r = SchemaLoader.load("s.json", LoadOptions.tolerant(dir));
        String out = RstWriter.render(
                RstWriter.write(r.schema(), new RstWriter.Options(null, RstWriter.Dialect.EXTENDED)), false, dir);
        String cargo = out.substring(out.indexOf(".. qapi:union:: Cargo"));
        assertEquals(
                """
                .. qapi:union:: Cargo

                   A simple union.

                   :memb str type: One of ``"tank"``, ``"label"``

                   .. qapi:branch:: type tank

                      :memb Tank data: Not documented

                   .. qapi:branch:: type label

                      :memb str data: Not documented

                """,
                cargo);
    }

    /**
     * §3.6 step 3: prose lines of an Example stay prose up to the QMP (a caption continued on a
     * line starting with "[" or indented, as QEMU 2.12+ block.json wrote them), so only
     * messages reach the QMP highlighter.
     */
    @Test
    void exampleCaptionContinuationsStayProse() throws IOException {
        String out = rst(
                """
                { 'pragma': { 'returns-whitelist': [] } }
                ##
                # @hist-set:
                #
                # Set histograms.
                #
                # Example: set new histograms with the following intervals:
                #   read: [0, 10), [10, +inf)
                #
                # -> { "execute": "hist-set" }
                # <- { "return": {} }
                #
                # Example:
                # set new histograms for all io types with intervals
                # [0, 10), [10, +inf):
                #
                # -> { "execute": "hist-set" }
                # <- { "return": {} }
                #
                # Since: 2.7
                ##
                { 'command': 'hist-set' }
                """);
        assertEquals(
                """
                .. qapi:module:: s

                .. qapi:command:: hist-set
                   :since: 2.7

                   Set histograms.

                   .. qmp-example::
                      :annotated:

                      set new histograms with the following intervals:
                        read: [0, 10), [10, +inf)

                      ::

                         -> { "execute": "hist-set" }
                         <- { "return": {} }

                   .. qmp-example::
                      :annotated:

                      set new histograms for all io types with intervals
                      [0, 10), [10, +inf):

                      ::

                         -> { "execute": "hist-set" }
                         <- { "return": {} }

                """,
                out);
    }

    /** §3.6, the legacy definition {@code query-blockstats} and its recommended rendering. */
    @Test
    void legacyDefinition() throws IOException {
        String out = rst(
                """
                { 'struct': 'BlockStats', 'data': { 'x': 'int' } }
                ##
                # @query-blockstats:
                #
                # Query the @BlockStats for all virtual block devices.
                #
                # @query-nodes: If true, the command will query all the
                #               block nodes ... explain, explain ...  (since 2.3)
                #
                # Returns: A list of @BlockStats for each virtual block devices.
                #
                # Since: 0.14.0
                #
                # Example:
                #
                # -> { "execute": "query-blockstats" }
                # <- {
                #      ... lots of output ...
                #    }
                #
                ##
                { 'command': 'query-blockstats',
                  'data': { '*query-nodes': 'bool' },
                  'returns': ['BlockStats'] }
                """);
        assertEquals(
                """
                .. qapi:module:: s

                .. qapi:command:: query-blockstats
                   :since: 0.14.0

                   Query the ``BlockStats`` for all virtual block devices.

                   :arg boolean? query-nodes: If true, the command will query all the
                       block nodes ... explain, explain ...  (since 2.3)
                   :return [BlockStats]: A list of ``BlockStats`` for each virtual block devices.

                   .. qmp-example::

                      -> { "execute": "query-blockstats" }
                      <- {
                           ... lots of output ...
                         }

                """,
                out);
    }

    /** QEMU 5.2-9.0 style: reST text, legacy sections; Note and a captioned Example. */
    @Test
    void legacyRestEraSections() throws IOException {
        String out = rst(
                """
                ##
                # @Fooish:
                #
                # A thing::
                #
                #   literal
                #
                # @a: first line
                #     - item one
                #       more
                #     - item two
                #
                # Note: this is
                #       a note
                #
                # Example: Get it
                #
                # -> { "execute": "x" }
                # <- { "return": {} }
                #
                # Since: 7.0
                ##
                { 'struct': 'Fooish', 'data': { 'a': 'int' } }
                """);
        assertEquals(
                """
                .. qapi:module:: s

                .. qapi:object:: Fooish
                   :since: 7.0

                   A thing::

                     literal

                   :memb int a: first line
                       - item one
                         more
                       - item two

                   .. note::

                      this is
                      a note

                   .. qmp-example::
                      :title: Get it

                      -> { "execute": "x" }
                      <- { "return": {} }

                """,
                out);
    }

    /** 2017 style: Notes holding a list, an example mixing prose and QMP. */
    @Test
    void legacy2017Sections() throws IOException {
        String out = rst(
                """
                ##
                # @Addr:
                #
                # An address, _or_ a *file descriptor*.
                #
                # Notes: 1. one
                # 2. two
                #
                # Example:
                #
                # Ask for it:
                # -> { "execute": "x" }
                #
                # and get it:
                # <- { "return": {} }
                #
                # Since: 1.3
                ##
                { 'struct': 'Addr', 'data': { 'host': 'str' } }
                """);
        assertEquals(
                """
                .. qapi:module:: s

                .. qapi:object:: Addr
                   :since: 1.3

                   An address, *or* a **file descriptor**.

                   :memb string host: Not documented

                   .. admonition:: Notes

                      1. one
                      2. two

                   .. qmp-example::
                      :annotated:

                      Ask for it:

                      ::

                         -> { "execute": "x" }

                      and get it:

                      ::

                         <- { "return": {} }

                """,
                out);
    }

    /** Today's schemas: the same reST, line and origin, in both modes (both dialects). */
    @Test
    void masterSchemasSameRestInBothModes() {
        Path master = Path.of("../shared/corpus/qemu-master").toAbsolutePath();
        assumeTrue(Files.isDirectory(master), "../shared/corpus/qemu-master absent");
        for (String root :
                List.of("qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json")) {
            LoadResult strict = SchemaLoader.load(root, LoadOptions.strict(master));
            LoadResult tolerant = SchemaLoader.load(root, LoadOptions.tolerant(master));
            assertEquals(List.of(), tolerant.diagnostics(), root);
            for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
                RstWriter.Options o = new RstWriter.Options("QMP", d);
                assertEquals(
                        RstWriter.write(strict.schema(), o), RstWriter.write(tolerant.schema(), o), root + " " + d);
            }
        }
    }

    static Stream<String> corpus() {
        List<String> out = new ArrayList<>();
        for (String rel : List.of("qemu-2.10.0", "qemu-5.0.0", "qemu-5.1.0", "qemu-7.2.0")) {
            for (String root : List.of(
                    "qapi-schema.json",
                    "qapi/qapi-schema.json",
                    "qga/qapi-schema.json",
                    "storage-daemon/qapi/qapi-schema.json")) {
                if (Files.isRegularFile(Path.of("../shared/corpus", rel, root))) {
                    out.add(rel + "/" + root);
                }
            }
        }
        return out.isEmpty() ? Stream.of("(../shared/corpus absent)") : out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void oldSchemasGiveSoundRest(String schema) {
        assumeTrue(Files.isDirectory(Path.of("../shared/corpus")), "../shared/corpus absent");
        int slash = schema.indexOf('/');
        Path wd = Path.of("../shared/corpus", schema.substring(0, slash)).toAbsolutePath();
        LoadResult r = SchemaLoader.load(schema.substring(slash + 1), LoadOptions.tolerant(wd));
        assertEquals(List.of(), r.errors());
        for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
            List<String> lines = new ArrayList<>();
            for (ContentLine l : RstWriter.write(r.schema(), new RstWriter.Options(null, d))) {
                lines.add(l.text());
            }
            List<String> problems = RstStructureCheck.check(lines, d == RstWriter.Dialect.EXTENDED);
            assertEquals(
                    List.of(),
                    problems.subList(0, Math.min(20, problems.size())),
                    schema + " " + d + ": " + problems.size() + " problems");
            List<String> messages =
                    ExtendedParsesTest.parseEverything(RstWriter.write(r.schema(), new RstWriter.Options(null, d)));
            assertEquals(
                    List.of(),
                    messages.subList(0, Math.min(20, messages.size())),
                    schema + " " + d + ": " + messages.size() + " reST reader messages");
        }
    }
}
