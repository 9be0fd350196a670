package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random pages built as a whole site: every stage (reader, transforms, resolution, writer, theme)
 * must come back with output and messages, never an exception.
 */
class SiteFuzzTest {
    private static final List<String> PIECES = List.of(
            "Title\n=====\n",
            "----\nOver\n----\n",
            "- item\n",
            "1. one\n",
            "#. auto\n",
            ":field: body\n",
            "term\n   def\n",
            "::\n\n   code\n",
            ".. note:: x\n",
            ".. contents::\n",
            ".. toctree::\n\n   index\n   other\n",
            ".. _lbl:\n",
            ":ref:`lbl`",
            ":doc:`other`",
            "`any`",
            "*em*",
            "**st**",
            "``lit``",
            "|sub|",
            ".. |sub| replace:: s\n",
            "`x <javascript:1>`_",
            "https://e.org/",
            ".. code-block:: QMP\n\n   -> { \"a\": ...\n",
            ".. only:: not html\n\n   x\n",
            ".. table:: t\n\n   ==  ==\n   a   b\n   ==  ==\n",
            "+--+\n|a |\n+--+\n",
            "| line\n",
            "   quoted\n",
            ".. index:: single: a; b\n",
            ".. qapi:command:: c\n",
            "\n",
            "\n\n",
            "   ",
            "text ",
            ":",
            "`",
            "*",
            "_",
            "..",
            "\t");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomSitesBuild(@TempDir Path dir) throws IOException {
        Random rnd = new Random(7);
        for (int round = 0; round < 40; round++) {
            for (String doc : List.of("index", "other")) {
                StringBuilder sb = new StringBuilder();
                int n = 5 + rnd.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append(PIECES.get(rnd.nextInt(PIECES.size())));
                }
                Files.writeString(dir.resolve(doc + ".rst"), sb.toString());
            }
            SiteBuilder.Output o = SiteBuilder.build(new SiteBuilder.Options(
                    dir, "d", SiteConfig.empty().with("default_role", "any"), false, List.of()));
            assertNotNull(o.files());
        }
    }
}
