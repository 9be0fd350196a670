package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: a theme is data that comes with the source tree. It is used only when conf.py
 * names it, its templates cannot reach the machine, and it cannot copy files from outside its
 * folder.
 */
class HostileThemeTest {

    /** A copy of the built-in theme in {@code dir}, with {@code layout.vm} starting with {@code head}. */
    private static void theme(Path dir, String head, String staticList) throws IOException {
        Files.createDirectories(dir.resolve("static"));
        for (String f : List.of("page.vm", "genindex.vm", "search.vm")) {
            Files.copy(Path.of("themes/default").resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("layout.vm"), head + Files.readString(Path.of("themes/default/layout.vm")));
        Files.writeString(dir.resolve("theme.properties"), "static = " + staticList + "\n");
        Files.writeString(dir.resolve("static/own.css"), "p{}");
    }

    private static Path source(Path tmp, String confPy) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("index.rst"), "Title\n=====\n\nText.\n");
        Files.writeString(src.resolve("conf.py"), confPy);
        return src;
    }

    @Test
    void aThemesFolderNextToTheSourcesIsNotUsedUnlessConfPyNamesIt(@TempDir Path tmp) throws IOException {
        theme(tmp.resolve("themes/default"), "<!-- PLANTED -->", "own.css");
        Path src = source(tmp, "project = 'P'\n");
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", "-q", src.toString(), out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(Files.readString(out.resolve("index.html")).contains("PLANTED"));
        assertFalse(Files.exists(out.resolve("_static/own.css")));

        // named through html_theme_path it is used
        Files.writeString(src.resolve("conf.py"), "project = 'P'\nhtml_theme_path = ['../themes']\n");
        Main.Result named = Main.capture("build", "-q", src.toString(), out.toString());
        assertEquals(0, named.exitCode(), named.stderr());
        assertTrue(Files.readString(out.resolve("index.html")).contains("PLANTED"));
        assertEquals("p{}", Files.readString(out.resolve("_static/own.css")));
    }

    @Test
    void templatesCannotReachRuntimeOrReflection(@TempDir Path tmp) throws IOException {
        Path mark = tmp.resolve("PWNED");
        String exec = "getRuntime().exec('touch " + mark + "')";
        String evil = String.join(
                "\n",
                "<!-- EVIL THEME -->",
                "#set($c = $title.getClass())",
                "$c.forName('java.lang.Runtime')." + exec,
                "$title.class.forName('java.lang.Runtime')." + exec,
                "$c.getClassLoader().loadClass('java.lang.Runtime')." + exec,
                "$c.forName('java.lang.ProcessBuilder').getConstructors()",
                "$c.forName('java.lang.System').getProperty('user.home')",
                "");
        theme(tmp.resolve("th/evil"), evil, "own.css");
        Path src = source(tmp, "html_theme = 'evil'\nhtml_theme_path = ['../th']\n");
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", "-q", src.toString(), out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("EVIL THEME"), "the theme was used");
        assertFalse(Files.exists(mark), "a template ran a command");
        assertFalse(page.contains("java.lang.ProcessBuilder("), page);
        assertFalse(page.contains(System.getProperty("user.home") + "\n"), page);
    }

    @Test
    void aStaticEntryOutsideTheThemeFolderStopsTheBuild(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("secret.txt"), "SECRET");
        theme(tmp.resolve("th/t1"), "", "own.css ../../../secret.txt");
        theme(tmp.resolve("th/t2"), "", "own.css link.txt");
        Files.createSymbolicLink(tmp.resolve("th/t2/static/link.txt"), tmp.resolve("secret.txt"));
        for (String t : List.of("t1", "t2")) {
            Path src = source(tmp.resolve(t), "html_theme = '" + t + "'\nhtml_theme_path = ['../../th']\n");
            Path out = tmp.resolve(t + "-out");
            Main.Result r = Main.capture("build", "-q", src.toString(), out.toString());
            assertEquals(2, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("is outside the theme folder"), r.stderr());
            assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
            assertFalse(Files.exists(out), "nothing was written");
        }
    }
}
