package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One source document of a site build and what the build learnt about it. */
final class SourceDoc {
    final String name;
    final String file;
    RstNode tree;
    String title = "<no title>";
    RstNode titleNode;
    final List<String> children = new ArrayList<>();
    /** Where the first toctree entry naming each child stands (for the cycle warning). */
    final Map<String, SourceLocation> childAt = new HashMap<>();

    SourceDoc(String name, String file) {
        this.name = name;
        this.file = file;
    }
}
