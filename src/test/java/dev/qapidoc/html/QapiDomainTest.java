package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code qapi} domain end to end through a site build, one construct per test, checked against
 * the worked examples of qapi-domain-and-html.md (§2.6–§2.11 HTML, §3.1 ids, §4.7 references,
 * §5 indices, §6 TOC, Appendix A messages).
 */
class QapiDomainTest {

    @TempDir
    Path dir;

    /** QEMU's configuration (§8.3): default role any, "see also" allowed, three namespaces. */
    private static Map<String, Object> qemuConf() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("project", "QEMU");
        c.put("default_role", "any");
        c.put("qapi_allowed_fields", List.of("see also"));
        c.put("qapi_namespaces", List.of("QGA", "QMP", "QSD"));
        return c;
    }

    private SiteBuilder.Output build(Map<String, Object> conf, String... pages) throws IOException {
        for (int i = 0; i < pages.length; i += 2) {
            Files.writeString(dir.resolve(pages[i] + ".rst"), pages[i + 1], StandardCharsets.UTF_8);
        }
        return SiteBuilder.build(
                new SiteBuilder.Options(dir, "src", new SiteConfig(conf), false, List.of(Path.of("themes"))));
    }

    private SiteBuilder.Output build(String index) throws IOException {
        return build(qemuConf(), "index", index);
    }

    private static String page(SiteBuilder.Output o, String name) {
        return new String(o.files().get(name), StandardCharsets.UTF_8);
    }

    private static String messages(SiteBuilder.Output o) {
        return o.messages().stream()
                .filter(m -> m.level() != SystemMessage.Level.INFO)
                .map(SystemMessage::render)
                .collect(Collectors.joining("\n"));
    }

    /** The page without its permalink icons, which are theme chrome (§10.3). */
    private static String body(SiteBuilder.Output o, String name) {
        return page(o, name).replace("\u00b6", "");
    }

    // ---- §2.6 signature, §2.8.5 enum ----

    @Test
    void enumSignatureAndValues() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: error

                .. qapi:enum:: QapiErrorClass
                   :since: 1.2

                   QEMU error classes

                   :value GenericError: this is used for errors that don't require a specific
                       error class.  This should be the default case for most errors
                   :value CommandNotFound: the requested command has not been found
                """);
        assertEquals("", messages(o));
        String html = body(o, "index.html");
        assertTrue(
                html.contains(
                        """
                <dl class="qapi enum">
                <dt class="sig sig-object qapi" id="enum-QMP-error.QapiErrorClass">
                <em class="property"><span class="k"><span class="pre">Enum</span></span><span class="w"> </span></em>\
                <span class="sig-name descname"><span class="pre">QapiErrorClass</span></span><span class="w"> </span>\
                <span><span class="pre">(Since:</span> <span class="pre">1.2)</span></span>\
                <a class="headerlink" href="#enum-QMP-error.QapiErrorClass" title="Permalink to this definition"></a></dt>
                <dd><p>QEMU error classes</p>
                <dl class="field-list simple">
                <dt class="field-odd">Values<span class="colon">:</span></dt>
                <dd class="field-odd"><ul class="simple">
                <li><p><strong>GenericError</strong> – this is used for errors that don’t require a specific
                error class.  This should be the default case for most errors</p></li>
                <li><p><strong>CommandNotFound</strong> – the requested command has not been found</p></li>
                </ul>
                </dd>
                </dl>
                </dd></dl>
                """),
                html);
    }

    // ---- §2.8.5 typed members, type links, any reference in a description ----

    @Test
    void typedMembersLinkTheirTypes() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: run-state

                .. qapi:enum:: RunState

                   States.

                .. qapi:object:: StatusInfo
                   :since: 0.14

                   Information about VM run state

                   :memb boolean running: true if all VCPUs are runnable, false if not runnable
                   :memb RunState status: the virtual machine `RunState`
                   :memb [RunState]? history: earlier states
                """);
        assertEquals("", messages(o));
        String html = body(o, "index.html");
        assertTrue(
                html.contains("<li><p><strong>running</strong> (<span><code class=\"xref qapi qapi-type docutils "
                        + "literal notranslate\"><span class=\"pre\">boolean</span></code></span>) – true if all VCPUs are "
                        + "runnable, false if not runnable</p></li>"),
                html);
        assertTrue(
                html.contains("<li><p><strong>status</strong> (<span><a class=\"reference internal\" "
                        + "href=\"#enum-QMP-run-state.RunState\" title=\"QMP:run-state.RunState\"><code class=\"xref qapi "
                        + "qapi-type docutils literal notranslate\"><span class=\"pre\">RunState</span></code></a></span>) – "
                        + "the virtual machine <a class=\"reference internal\" href=\"#enum-QMP-run-state.RunState\" "
                        + "title=\"QMP:run-state.RunState\"><code class=\"xref any qapi qapi-enum docutils literal "
                        + "notranslate\"><span class=\"pre\">RunState</span></code></a></p></li>"),
                html);
        assertTrue(
                html.contains(
                        "<strong>history</strong> (<span><code class=\"docutils literal notranslate\">"
                                + "<span class=\"pre\">[</span></code><a class=\"reference internal\" href=\"#enum-QMP-run-state."
                                + "RunState\" title=\"QMP:run-state.RunState\"><code class=\"xref qapi qapi-type docutils literal "
                                + "notranslate\"><span class=\"pre\">RunState</span></code></a><code class=\"docutils literal "
                                + "notranslate\"><span class=\"pre\">]</span></code>, <em>optional</em></span>) – earlier states"),
                html);
    }

    // ---- §2.8.5 return-nodesc, qmp-example; §2.11 ----

    @Test
    void returnNodescAndQmpExample() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: run-state

                .. qapi:object:: StatusInfo

                   Info.

                .. qapi:command:: query-status
                   :since: 0.14

                   Query the run status of the VM

                   :return-nodesc: StatusInfo

                   .. qmp-example::
                      :title: the quorum's state

                       -> { "execute": "query-status" }
                """);
        assertEquals("", messages(o));
        String html = body(o, "index.html");
        assertTrue(
                html.contains(
                        """
                <dt class="field-odd">Return<span class="colon">:</span></dt>
                <dd class="field-odd"><p><span><a class="reference internal" href="#object-QMP-run-state.StatusInfo" \
                title="QMP:run-state.StatusInfo"><code class="xref qapi qapi-type docutils literal notranslate">\
                <span class="pre">StatusInfo</span></code></a></span></p>
                </dd>
                </dl>
                <div class="admonition admonition-example">
                <p class="admonition-title">Example: the quorum’s state</p>
                <div class="highlight-QMP notranslate"><div class="highlight"><pre><span></span>\
                <span class="w"> </span><span class="gp">-&gt; </span>"""),
                html);
    }

    // ---- §2.7 pips, §2.8.4 single error field, §2.8.5 q_dummy ----

    @Test
    void pipsErrorsAndMemberPointers() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: m

                .. qapi:object:: Inet

                   x

                .. qapi:command:: drive-backup
                   :deprecated:
                   :unstable:
                   :ifcond: CONFIG_X and not CONFIG_Y

                   Start.

                   :arg q_dummy q_dummy: The members of :qapi:type:`Inet`.
                   :error: - If ``device`` is not a valid block device, GenericError
                """);
        assertEquals("", messages(o));
        String html = body(o, "index.html");
        assertTrue(
                html.contains(
                        """
                <dd><div class="qapi-infopips docutils container">
                <div class="qapi-infopip qapi-deprecated docutils container">
                This command is deprecated.</div>
                <div class="qapi-infopip qapi-unstable docutils container">
                This command is unstable/experimental.</div>
                <div class="qapi-infopip qapi-ifcond docutils container">
                <em>Availability</em>: <code class="docutils literal notranslate"><span class="pre">CONFIG_X</span> \
                <span class="pre">and</span> <span class="pre">not</span> <span class="pre">CONFIG_Y</span></code></div>
                </div>
                <p>Start.</p>"""),
                html);
        assertTrue(
                html.contains("<li><p>The members of <a class=\"reference internal\" href=\"#object-QMP-m.Inet\" "
                        + "title=\"QMP:m.Inet\"><code class=\"xref qapi qapi-type docutils literal notranslate\"><span "
                        + "class=\"pre\">Inet</span></code></a>.</p></li>"),
                html);
        assertFalse(html.contains("q_dummy"), html);
        assertTrue(
                html.contains("<dt class=\"field-even\">Errors<span class=\"colon\">:</span></dt>\n"
                        + "<dd class=\"field-even\"><p><ul class=\"simple\">\n<li><p>If <code"),
                html);
    }

    // ---- §3.1 ids, §1.4 duplicates ----

    @Test
    void idsOverridesAndDuplicates() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: mod-a

                .. qapi:command:: other-mod-cmd
                   :module: mod-z

                .. qapi:command:: other-ns-cmd
                   :namespace: QGA

                .. qapi:event:: dup

                .. qapi:event:: dup

                See `dup` and `other-ns-cmd`.
                """);
        String html = body(o, "index.html");
        assertTrue(html.contains("id=\"command-QMP-mod-z.other-mod-cmd\""), html);
        assertTrue(html.contains("id=\"command-QGA-mod-a.other-ns-cmd\""), html);
        assertTrue(html.contains("id=\"event-QMP-mod-a.dup\""), html);
        assertTrue(html.contains("id=\"event-0\""), html);
        // the later definition wins (§1.4)
        assertTrue(html.contains("<a class=\"reference internal\" href=\"#event-0\" title=\"QMP:mod-a.dup\">"), html);
        assertTrue(
                messages(o)
                        .contains("src/index.rst:15: WARNING: duplicate object description of QMP:mod-a.dup, "
                                + "other instance in index, use :no-index: for one of them"),
                messages(o));
        // TOC texts (§6.2, REF)
        assertTrue(html.contains("<span class=\"pre\">mod-z.other-mod-cmd</span>"), html);
        assertTrue(html.contains("<span class=\"pre\">QGA:mod-a.other-ns-cmd</span>"), html);
        // an object in QGA lands in the QGA index only
        assertTrue(o.files().containsKey("qapi-qga-index.html"));
        assertTrue(page(o, "qapi-qga-index.html").contains("mod-a.other-ns-cmd"));
        assertFalse(page(o, "qapi-qmp-index.html").contains("other-ns-cmd"));
    }

    // ---- §4.7 references across two pages ----

    @Test
    void referenceFormsAcrossPages() throws IOException {
        SiteBuilder.Output o = build(
                qemuConf(),
                "index",
                """
                T
                =

                .. toctree::

                   a
                   b
                """,
                "a",
                """
                A
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: mod-a

                .. qapi:object:: ObjA

                .. qapi:alternate:: AltA
                   :noindex:

                * `cmd-two`
                * `QMP:mod-b.cmd-two`
                * :qapi:cmd:`~QMP:mod-b.cmd-two`
                * :qapi:cmd:`Custom <cmd-two>`
                * :qapi:type:`[ObjA]?`
                * :qapi:any:`ObjA`
                * :qapi:obj:`cmd-two`
                * `nothere`
                * :qapi:type:`int`
                * :qapi:mod:`mod-b`
                * :qapi:alt:`AltA`
                * :qapi:cmd:`!literal-only`
                * `!any-literal`
                """,
                "b",
                """
                B
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: mod-b

                .. qapi:command:: cmd-two
                """);
        String a = body(o, "a.html");
        String link =
                "<a class=\"reference internal\" href=\"b.html#command-QMP-mod-b.cmd-two\" title=\"QMP:mod-b.cmd-two\">";
        assertTrue(
                a.contains(link + "<code class=\"xref any qapi qapi-cmd docutils literal notranslate\"><span "
                        + "class=\"pre\">cmd-two</span></code></a>"),
                a);
        assertTrue(
                a.contains(link + "<code class=\"xref any qapi qapi-cmd docutils literal notranslate\"><span "
                        + "class=\"pre\">QMP:mod-b.cmd-two</span></code></a>"),
                a);
        assertTrue(
                a.contains(link + "<code class=\"xref qapi qapi-cmd docutils literal notranslate\"><span "
                        + "class=\"pre\">cmd-two</span></code></a>"),
                a);
        assertTrue(
                a.contains(link + "<code class=\"xref qapi qapi-cmd docutils literal notranslate\"><span "
                        + "class=\"pre\">Custom</span></code></a>"),
                a);
        assertTrue(
                a.contains("<code class=\"docutils literal notranslate\"><span class=\"pre\">[</span></code><a "
                        + "class=\"reference internal\" href=\"#object-QMP-mod-a.ObjA\" title=\"QMP:mod-a.ObjA\"><code "
                        + "class=\"xref qapi qapi-type docutils literal notranslate\"><span class=\"pre\">ObjA</span></code>"
                        + "</a><code class=\"docutils literal notranslate\"><span class=\"pre\">]</span></code>, "
                        + "<em>optional</em>"),
                a);
        assertTrue(
                a.contains("<code class=\"xref qapi qapi-any docutils literal notranslate\"><span class=\"pre\">"
                        + "ObjA</span></code></a>"),
                a);
        // U: qapi:obj falls back to every kind
        assertTrue(
                a.contains(link + "<code class=\"xref qapi qapi-obj docutils literal notranslate\"><span "
                        + "class=\"pre\">cmd-two</span></code></a>"),
                a);
        assertTrue(a.contains("<code class=\"xref any docutils literal notranslate\"><span class=\"pre\">nothere"), a);
        assertTrue(
                a.contains("<li><p><code class=\"xref qapi qapi-type docutils literal notranslate\"><span "
                        + "class=\"pre\">int</span></code></p></li>"),
                a);
        assertTrue(
                a.contains(
                        "<a class=\"reference internal\" href=\"b.html#module-QMP-mod-b\" title=\"QMP:mod-b\">"
                                + "<code class=\"xref qapi qapi-mod docutils literal notranslate\"><span class=\"pre\">mod-b</span>"),
                a);
        assertTrue(
                a.contains("<li><p><code class=\"xref qapi qapi-alt docutils literal notranslate\"><span "
                        + "class=\"pre\">AltA</span></code></p></li>"),
                a);
        assertTrue(
                a.contains("<li><p><code class=\"xref qapi qapi-cmd docutils literal notranslate\"><span "
                        + "class=\"pre\">literal-only</span></code></p></li>"),
                a);
        assertTrue(
                a.contains("<li><p><code class=\"xref any docutils literal notranslate\"><span "
                        + "class=\"pre\">any-literal</span></code></p></li>"),
                a);
        String w = messages(o);
        assertTrue(w.contains("src/a.rst:19: WARNING: 'any' reference target not found: nothere"), w);
        assertTrue(w.contains("src/a.rst:22: WARNING: qapi:alt reference target not found: 'AltA'"), w);
        assertFalse(w.contains("'int'"), w);
        assertFalse(w.contains("literal-only"), w);
        assertEquals(2, w.lines().count(), w);
    }

    // ---- §4.3 namespace preference ----

    @Test
    void sameNamespaceIsPreferred() throws IOException {
        SiteBuilder.Output o = build(
                qemuConf(),
                "index",
                """
                T
                =

                .. qapi:namespace:: QGA
                .. qapi:module:: mod-b

                .. qapi:command:: cmd-two

                From QGA: `cmd-two` and `QMP:cmd-two`.

                .. qapi:namespace:: QMP
                .. qapi:module:: mod-b

                .. qapi:command:: cmd-two

                From QMP: `cmd-two`.
                """);
        String html = body(o, "index.html");
        assertTrue(
                html.contains("From QGA: <a class=\"reference internal\" href=\"#command-QGA-mod-b.cmd-two\""), html);
        assertTrue(html.contains("and <a class=\"reference internal\" href=\"#command-QMP-mod-b.cmd-two\""), html);
        assertTrue(
                html.contains("From QMP: <a class=\"reference internal\" href=\"#command-QMP-mod-b.cmd-two\""), html);
        // §5.1.1: the index word is "QMP" whatever the namespace, so both land on one entry
        String gen = page(o, "genindex.html");
        assertTrue(
                gen.contains("<li><a href=\"index.html#command-QGA-mod-b.cmd-two\">cmd-two (QMP command)</a>, "
                        + "<a href=\"index.html#command-QMP-mod-b.cmd-two\">[1]</a></li>"),
                gen);
    }

    // ---- §2.2 option effects, §3.5 no-typesetting, §2.4 module titles ----

    @Test
    void optionEffectMatrix() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:module:: quiet
                   :no-typesetting:

                   Not shown.

                .. qapi:command:: hidden
                   :no-index:

                   Shown without id.

                .. qapi:command:: unlisted
                   :no-index-entry:

                .. qapi:command:: notoc
                   :no-contents-entry:

                .. qapi:command:: ghost
                   :no-typesetting:

                Para.

                .. qapi:module:: titled

                   Titled module
                   =============

                   Inside.

                After `hidden` `ghost` `quiet`.
                """);
        assertEquals("src/index.rst:32: WARNING: 'any' reference target not found: hidden", messages(o));
        String html = body(o, "index.html");
        assertFalse(html.contains("Not shown"), html);
        assertTrue(html.contains("<dt class=\"sig sig-object qapi\">\n"), html);
        assertTrue(html.contains("Shown without id."), html);
        assertTrue(html.contains("<p id=\"command-quiet.ghost\">Para.</p>"), html);
        // the module anchor moves onto the next visible node (§3.4)
        assertTrue(html.contains("<dl class=\"qapi command\" id=\"module-quiet\">"), html);
        assertTrue(
                html.contains("<section id=\"titled-module\">\n<span id=\"module-titled\"></span><h2>Titled module"),
                html);
        String gen = page(o, "genindex.html");
        assertTrue(gen.contains("notoc (QMP command)"), gen);
        assertTrue(gen.contains("ghost (QMP command)"), gen);
        assertTrue(gen.contains("quiet (QMP module)"), gen);
        assertFalse(gen.contains("unlisted"), gen);
        assertFalse(gen.contains("hidden"), gen);
        String idx = page(o, "qapi-index.html");
        assertTrue(idx.contains("#command-quiet.unlisted"), idx);
        assertFalse(idx.contains("hidden"), idx);
        // TOC: objects with an id and a contents entry only
        assertTrue(html.contains("href=\"#command-quiet.unlisted\"><code"), html);
        assertFalse(html.contains("href=\"#command-quiet.notoc\"><code"), html);
        assertFalse(html.contains("href=\"#command-quiet.ghost\"><code"), html);
    }

    // ---- §2.8.3 validation, Appendix A ----

    @Test
    void fieldValidationAndDirectiveErrors() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:command:: c

                   :memb int bad: wrong kind
                   :arg: no name
                   :see also: fine

                .. qapi:branch:: d v

                .. qapi:command:: a.b

                .. qapi:command:: x
                   :bogus:
                """);
        String w = messages(o);
        assertTrue(
                w.contains(
                        "src/index.rst:6: WARNING: Unrecognized field list name 'memb int bad'.\n"
                                + "Valid fields for qapi:command are: arg, error, errors, feat, return, return-nodesc, returns, "
                                + "see also\n\nIf this usage is intentional, please add it to 'qapi_allowed_fields' in docs/conf.py."),
                w);
        assertTrue(w.contains("src/index.rst:7: WARNING: docfield field list type 'arg' requires an argument."), w);
        assertTrue(w.contains("src/index.rst:10: ERROR: qapi:branch must be nested in a QAPI object directive"), w);
        assertTrue(w.contains("src/index.rst:12: ERROR: QAPI definition names may not contain ':' or '.'"), w);
        assertTrue(
                w.contains("src/index.rst:14: ERROR: Error in \"qapi:command\" directive:\nunknown option: "
                        + "\"bogus\"."),
                w);
        String html = body(o, "index.html");
        assertTrue(html.contains("<dt class=\"field-odd\">Memb int bad<span class=\"colon\">:</span></dt>"), html);
        assertTrue(html.contains("<dt class=\"field-even\">Arg<span class=\"colon\">:</span></dt>"), html);
        assertTrue(html.contains("<dt class=\"field-odd\">See also<span class=\"colon\">:</span></dt>"), html);
    }

    // ---- §2.9 branches, §2.10 typed errors and choices (S -> U) ----

    @Test
    void seedDialectFields() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:module:: m

                .. qapi:union:: U

                   :memb str format: Format.

                   .. qapi:branch:: format luks

                      :memb str key-secret: Secret.

                   :feat f: A feature.

                .. qapi:command:: c

                   :error CommandNotFound: Never.
                   :returns U: The union.

                .. qapi:alternate:: A

                   :choice str local: Local.
                """);
        assertEquals("", messages(o));
        String html = body(o, "index.html");
        assertTrue(
                html.contains(
                        """
                <dt class="field-odd">Members<span class="colon">:</span></dt>
                <dd class="field-odd"><ul class="simple">
                <li><p><strong>format</strong>"""),
                html);
        assertTrue(
                html.contains(
                        """
                <dt class="field-even">[format = luks]<span class="colon">:</span></dt>
                <dd class="field-even"><ul class="simple">
                <li><p><strong>key-secret</strong>"""),
                html);
        assertTrue(html.contains("<dt class=\"field-odd\">Features<span"), html);
        assertTrue(html.contains("<li><p><strong>CommandNotFound</strong> – Never.</p></li>"), html);
        assertTrue(
                html.contains(
                        "<dt class=\"field-even\">Return<span class=\"colon\">:</span></dt>\n"
                                + "<dd class=\"field-even\"><p><span><a class=\"reference internal\" href=\"#union-m.U\" title=\"m.U\">"),
                html);
        assertTrue(html.contains("<dt class=\"field-odd\">Alternatives<span class=\"colon\">:</span></dt>"), html);
        assertTrue(
                html.contains("<dl class=\"qapi union\">\n<dt class=\"sig sig-object qapi\" id=\"union-m.U\">"), html);
        assertTrue(page(o, "qapi-index.html").contains("id=\"cap-Unions\""));
    }

    // ---- §5.3 inventory ----

    @Test
    void inventoryListsObjectsAndIndexLabels() throws IOException {
        SiteBuilder.Output o = build(
                """
                T
                =

                .. qapi:namespace:: QMP
                .. qapi:module:: block-core

                .. qapi:command:: blockdev-backup
                """);
        String inv = InventoryText.of(o.files().get("objects.inv"));
        assertTrue(inv.contains("QMP:block-core qapi:module 1 index.html#module-QMP-block-core block-core\n"), inv);
        assertTrue(
                inv.contains("QMP:block-core.blockdev-backup qapi:command 1 "
                        + "index.html#command-QMP-block-core.blockdev-backup blockdev-backup\n"),
                inv);
        assertTrue(inv.contains("qapi-qmp-index std:label -1 qapi-qmp-index.html QMP Index\n"), inv);
        assertTrue(inv.indexOf("qapi:module") < inv.indexOf("std:label"), inv);
        Map<String, Object> off = qemuConf();
        off.put("qapi_inventory", false);
        String plain = InventoryText.of(
                build(off, "index", "T\n=\n\n.. qapi:command:: c\n").files().get("objects.inv"));
        assertFalse(plain.contains(" qapi:"), plain);
    }

    // ---- sample-docs: generated and hand-written descriptions side by side ----

    @Test
    void sampleDocsShowTheDomain() throws IOException {
        SiteBuilder.Output o = SiteBuilderTest.build(Path.of("sample-docs"), false);
        assertEquals("", messages(o));
        String hmp = body(o, "reference/hmp.html");
        assertTrue(hmp.contains("<dt class=\"sig sig-object qapi\" id=\"command-HMP-machines.machine-start\">"), hmp);
        assertTrue(hmp.contains("<dt class=\"field-even\">[backend = file]<span class=\"colon\">:</span></dt>"), hmp);
        String tour = body(o, "reference/domain-tour.html");
        // a hand-written page links into the generated one
        assertTrue(tour.contains("href=\"hmp.html#command-HMP-machines.machine-start\""), tour);
        assertTrue(tour.contains("id=\"union-HMP-tour.Placement\""), tour);
        String index = page(o, "qapi-hmp-index.html");
        assertTrue(index.contains("<code class=\"xref\">machine-start</code>"), index);
        assertTrue(index.contains("id=\"cap-Unions\""), index);
    }

    // ---- robustness: hostile nesting never overflows the stack ----

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void deeplyNestedDirectivesAreBounded() throws IOException {
        StringBuilder sb = new StringBuilder("T\n=\n\n");
        int depth = 300;
        for (int i = 0; i < depth; i++) {
            sb.append("   ".repeat(i))
                    .append(i % 2 == 0 ? ".. qapi:module:: m" + i : ".. qapi:command:: c" + i)
                    .append("\n\n");
        }
        sb.append("   ".repeat(depth)).append("text\n");
        SiteBuilder.Output o = build(sb.toString());
        assertTrue(o.files().containsKey("index.html"));
        assertTrue(messages(o).contains("nesting depth"), messages(o));
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void manyObjectsAndReferencesStayFast() throws IOException {
        StringBuilder sb = new StringBuilder("T\n=\n\n.. qapi:namespace:: QMP\n.. qapi:module:: m\n\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(".. qapi:object:: O")
                    .append(i)
                    .append("\n\n   :memb O")
                    .append((i + 1) % 3000)
                    .append(" next: `O")
                    .append(i / 2)
                    .append("`\n\n");
        }
        SiteBuilder.Output o = build(sb.toString());
        assertEquals("", messages(o));
        assertTrue(page(o, "index.html").contains("href=\"#object-QMP-m.O0\""));
    }
}
