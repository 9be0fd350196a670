package dev.qapidoc.rst;

/**
 * The directives that only define substitutions: {@code replace} (inline markup) and {@code
 * unicode} (characters by code point, e.g. {@code U+00A9} or {@code 0xA9}; other words are kept
 * as text). Outside a substitution definition they are not body elements and are left pending
 * like an unknown directive.
 */
final class SubstitutionDirectives {

    private SubstitutionDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("replace", substitution((call, ctx) -> ctx.inline(call.arguments(), Lines.locations(call.content()))
                .forEach(ctx::add)));
        b.register(
                "unicode",
                substitution(
                        (call, ctx) -> ctx.add(RstNode.text(unicode(Lines.joined(call.content())), call.location()))));
    }

    private static String unicode(String text) {
        StringBuilder sb = new StringBuilder();
        for (String code : text.split("\\s+")) {
            if (code.startsWith("..")) {
                break;
            }
            try {
                String hex = code.replaceFirst("^(?:0x|x|\\\\x|U\\+|u|\\\\u|&#x)", "")
                        .replace(";", "");
                if (hex.equals(code) && !code.matches("[0-9a-fA-F]+")) {
                    sb.append(code);
                } else {
                    sb.appendCodePoint(Integer.parseInt(hex, 16));
                }
            } catch (IllegalArgumentException e) {
                sb.append(code);
            }
        }
        return sb.toString();
    }

    private static Directive substitution(Directive d) {
        return new Directive() {
            @Override
            public void run(DirectiveCall call, DirectiveContext ctx) {
                d.run(call, ctx);
            }

            @Override
            public boolean block() {
                return false;
            }

            @Override
            public boolean substitution() {
                return true;
            }
        };
    }
}
