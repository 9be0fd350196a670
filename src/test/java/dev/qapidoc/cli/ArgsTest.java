package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one argument parser and the help layout, on a declaration made up for the test. */
class ArgsTest {

    private static final CommandSpec SPEC = new CommandSpec(
            "frob things",
            "Frobs every THING.\n",
            List.of(new CommandSpec.Positional("THING", "thing", true, true, "a thing to frob")),
            List.of(
                    OptionSpec.value("FILE", "write to FILE", "-o", "--output"),
                    OptionSpec.flag("be strict", "--strict"),
                    OptionSpec.value("name=value", "define name", "-D").asRepeatable(),
                    OptionSpec.value(
                            "NS",
                            "the namespace, a long explanation that has to be wrapped because it"
                                    + " does not fit on one line of the table",
                            "--namespace")),
            "",
            List.of(new CommandSpec.Exit(0, "frobbed"), new CommandSpec.Exit(2, "usage error")));

    private static Args parse(String... argv) throws UsageException {
        return Args.parse("frob", SPEC, List.of(argv));
    }

    private static String error(String... argv) {
        return assertThrows(UsageException.class, () -> parse(argv)).getMessage();
    }

    @Test
    void bothValueFormsAndAliases() throws UsageException {
        assertEquals("a", parse("--output", "a", "x").value("-o", null));
        assertEquals("b", parse("--output=b", "x").value("-o", null));
        assertEquals("c", parse("-o", "c", "x").value("-o", null));
        assertEquals("d", parse("-od", "x").value("-o", null));
        assertEquals("", parse("--output=", "x").value("-o", null), "an empty value is a value");
        assertEquals("-x", parse("-o", "-x", "t").value("-o", null), "a value may start with '-'");
        assertEquals("last", parse("-o", "first", "-o", "last", "x").value("-o", null));
        assertEquals("none", parse("x").value("-o", "none"));
    }

    @Test
    void repeatableKeepsEveryValueInOrder() throws UsageException {
        Args a = parse("-D", "a=1", "x", "-Db=2", "-D", "a=3");
        assertEquals(List.of("a=1", "b=2", "a=3"), a.values("-D"));
        assertEquals(List.of("x"), a.positionals());
        assertEquals(List.of(), parse("x").values("-D"));
    }

    @Test
    void flagsAndPositionalsInAnyOrder() throws UsageException {
        Args a = parse("x", "--strict", "y", "-");
        assertTrue(a.has("--strict"));
        assertFalse(a.has("-o"));
        assertEquals(List.of("x", "y", "-"), a.positionals());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        Args a = parse("--strict", "--", "--output", "-o", "--help");
        assertFalse(a.helpRequested(), "--help after -- is a positional");
        assertEquals(List.of("--output", "-o", "--help"), a.positionals());
        assertFalse(a.has("-o"));
    }

    @Test
    void usageErrorsNameTheCommandAndTheHelp() {
        assertEquals("frob: unknown option '--x'; see 'qapidoc frob --help'", error("--x", "t"));
        assertEquals("frob: unknown option '-q'; see 'qapidoc frob --help'", error("-q", "t"));
        assertEquals("frob: unknown option '--stricter'; see 'qapidoc frob --help'", error("--stricter", "t"));
        assertEquals("frob: option '-o' needs a value (FILE); see 'qapidoc frob --help'", error("t", "-o"));
        assertEquals("frob: option '--output' needs a value (FILE); see 'qapidoc frob --help'", error("t", "--output"));
        assertEquals("frob: option '--strict' takes no value; see 'qapidoc frob --help'", error("--strict=yes", "t"));
        assertEquals("frob needs at least one thing; see 'qapidoc frob --help'", error("--strict"));
    }

    @Test
    void positionalCountsOfOneAndOptionalArguments() {
        CommandSpec one = new CommandSpec(
                "",
                "",
                List.of(new CommandSpec.Positional("S", "schema file", true, false, "")),
                List.of(),
                "",
                List.of());
        CommandSpec optional = new CommandSpec(
                "",
                "",
                List.of(new CommandSpec.Positional("D", "source folder", false, false, "")),
                List.of(),
                "",
                List.of());
        assertEquals(
                "dump takes exactly one argument, the schema file; see 'qapidoc dump --help'",
                assertThrows(UsageException.class, () -> Args.parse("dump", one, List.of("a", "b")))
                        .getMessage());
        assertThrows(UsageException.class, () -> Args.parse("dump", one, List.of()));
        assertThrows(UsageException.class, () -> Args.parse("build", optional, List.of("a", "b")));
    }

    @Test
    void helpWinsOverEverythingElseButNotAsAValue() throws UsageException {
        assertTrue(parse("--bogus", "--help").helpRequested());
        assertTrue(parse("-h").helpRequested(), "no positional needed for help");
        Args titled = parse("-o", "--help", "x");
        assertFalse(titled.helpRequested(), "--help as the value of -o");
        assertEquals("--help", titled.value("-o", null));
    }

    @Test
    void helpLayout() {
        String help = HelpText.render("frob", SPEC);
        assertEquals(
                """
                usage: qapidoc frob [-o FILE] [--strict] [-D name=value]... [--namespace NS]
                                    THING...

                Frobs every THING.

                arguments:
                  THING              a thing to frob

                options:
                  -o, --output FILE  write to FILE
                  --strict           be strict
                  -D name=value      define name
                  --namespace NS     the namespace, a long explanation that has to be wrapped
                                     because it does not fit on one line of the table
                  -h, --help         print this help and exit

                exit status:
                  0  frobbed
                  2  usage error
                """,
                help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= HelpText.WIDTH, line);
        }
    }

    @Test
    void everyCommandsHelpHasTheLayoutAndFitsTheWidth() {
        for (String cmd : List.of("dump", "introspect", "rst", "lint", "build", "html")) {
            Main.Result r = Main.capture(cmd, "--help");
            assertEquals(0, r.exitCode(), cmd);
            String out = r.stdout();
            assertTrue(out.startsWith("usage: qapidoc " + cmd + " "), out);
            assertTrue(out.contains("\noptions:\n") && out.contains("  -h, --help "), out);
            assertTrue(out.contains("\nexit status:\n  0  ") && out.endsWith("\n"), out);
            for (String line : out.split("\n")) {
                // lint's rule table keeps its long explanations on one line each
                assertTrue(
                        line.length() <= HelpText.WIDTH || (cmd.equals("lint") && line.startsWith("  ")),
                        cmd + ": " + line);
            }
        }
    }

    @Test
    void versionComesFromThePom() {
        Main.Result r = Main.capture("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().matches("qapidoc [0-9]+\\.[0-9]+\\.[0-9]+[-A-Za-z0-9.]*\n"), r.stdout());
    }
}
