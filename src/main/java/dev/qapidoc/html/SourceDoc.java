package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import java.util.ArrayList;
import java.util.List;

/** One source document of a site build and what the build learnt about it. */
final class SourceDoc {
    final String name;
    final String file;
    RstNode tree;
    String title = "<no title>";
    RstNode titleNode;
    final List<String> children = new ArrayList<>();

    SourceDoc(String name, String file) {
        this.name = name;
        this.file = file;
    }
}
