package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object directives of Sphinx's standard domain: {@code program} (the program whose options
 * follow), {@code option} (with its old name {@code cmdoption}) and {@code envvar}.
 *
 * <p>They build the object description the way Sphinx 5.3 shows it ({@code <dl class="std
 * option">}, one {@code <dt>} per signature line, each option form a name followed by its
 * argument text). The ids and index entries depend on the {@code program} in effect, which is
 * per-document reading state; the registry's directives are shared by every read, so {@code
 * program} leaves a marker node and {@link StdObjects} assigns ids and entries walking the
 * finished document in order, as Sphinx's directives do while reading.
 */
final class StdObjectDirectives {

    /** An option form: an optional prefix and a name up to a blank or {@code =}, then its arguments. */
    private static final Pattern OPTION = Pattern.compile("((?:/|--|-|\\+)?[^\\s=]+)(=?\\s*.*)", Pattern.DOTALL);

    private StdObjectDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("program", StdObjectDirectives::program);
        Directive option = StdObjectDirectives::option;
        b.register("option", option).register("cmdoption", option);
        b.register("envvar", StdObjectDirectives::envvar);
    }

    /**
     * {@code .. program:: NAME}: blanks in the name become {@code -} (Sphinx's program names are
     * id parts); {@code None} ends the program's scope.
     */
    private static void program(DirectiveCall call, DirectiveContext ctx) {
        String name = String.join("-", call.arguments().strip().split("\\s+"));
        ctx.add(new RstNode(Type.INDEX, call.location()).attr(StdObjects.PROGRAM, name));
    }

    private static void option(DirectiveCall call, DirectiveContext ctx) {
        RstNode desc = description("option", call);
        for (String line : signatureLines(call)) {
            if (line.isBlank()) {
                continue;
            }
            RstNode sig = signature(call.location());
            List<String> names = optionForms(line.strip(), sig, ctx, call.location());
            if (names.isEmpty()) {
                // nothing usable: the text as written, without id (Sphinx's fallback)
                sig.clearChildren();
                sig.add(part(Type.DESC_NAME, line.strip(), call.location()));
            } else {
                sig.attr(StdObjects.NAMES, String.join("\n", names));
            }
            desc.add(sig);
        }
        content(desc, call, ctx);
    }

    /**
     * The option forms of one signature line, separated by {@code ", "}: each is a {@link
     * Type#DESC_NAME} and a {@link Type#DESC_ADDNAME} with its arguments (empty when it has
     * none), the separator another {@code DESC_ADDNAME}; {@code --opt[=x]} keeps the bracket with
     * the arguments. Returns the names.
     */
    private static List<String> optionForms(String line, RstNode sig, DirectiveContext ctx, SourceLocation where) {
        List<String> names = new ArrayList<>();
        for (String form : line.split(", ")) {
            String f = form.strip();
            Matcher m = OPTION.matcher(f);
            if (!m.matches()) {
                ctx.warn(
                        where,
                        "Malformed option description '" + f + "', should look like \"opt\", \"-opt args\","
                                + " \"--opt args\", \"/opt args\" or \"+opt args\"");
                continue;
            }
            String name = m.group(1);
            String args = m.group(2);
            if (name.endsWith("[") && args.endsWith("]")) {
                name = name.substring(0, name.length() - 1);
                args = "[" + args;
            }
            if (!names.isEmpty()) {
                sig.add(part(Type.DESC_ADDNAME, ", ", where));
            }
            sig.add(part(Type.DESC_NAME, name, where));
            sig.add(part(Type.DESC_ADDNAME, args, where));
            names.add(name);
        }
        return names;
    }

    /** {@code .. envvar:: NAME}: one signature per line, the name as written. */
    private static void envvar(DirectiveCall call, DirectiveContext ctx) {
        RstNode desc = description("envvar", call);
        for (String line : signatureLines(call)) {
            if (line.isBlank()) {
                continue;
            }
            RstNode sig = signature(call.location());
            sig.add(part(Type.DESC_NAME, line.strip(), call.location()));
            sig.attr(StdObjects.NAMES, line.strip());
            desc.add(sig);
        }
        content(desc, call, ctx);
    }

    /**
     * The argument lines as written (the reader joins them into one string): an object
     * directive has one signature per line, up to the first blank line or option.
     */
    private static List<String> signatureLines(DirectiveCall call) {
        List<String> out = new ArrayList<>();
        for (ContentLine l : call.block()) {
            if (l.text().isBlank()
                    || (!out.isEmpty() && BlockParser.FIELD.matcher(l.text()).find())) {
                break;
            }
            out.add(l.text());
        }
        return out;
    }

    private static RstNode description(String objtype, DirectiveCall call) {
        RstNode desc =
                new RstNode(Type.DESC, call.location()).attr("domain", "std").attr("objtype", objtype);
        if (call.has("noindex") || call.has("no-index")) {
            desc.attr("noindex", "true");
        }
        return desc;
    }

    private static RstNode signature(SourceLocation where) {
        return new RstNode(Type.DESC_SIGNATURE, where).attr("domain", "std");
    }

    private static void content(RstNode desc, DirectiveCall call, DirectiveContext ctx) {
        RstNode content = new RstNode(Type.DESC_CONTENT, call.location());
        ctx.parse(call.content(), content);
        desc.add(content);
        ctx.add(desc);
    }

    private static RstNode part(Type type, String text, SourceLocation where) {
        RstNode n = new RstNode(type, where);
        n.add(RstNode.text(text, where));
        return n;
    }
}
