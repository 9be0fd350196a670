package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoleTextTest {
    @Test
    void explicitTitles() {
        assertEquals(new RoleText("Custom", "cmd-two", true), RoleText.parse("Custom <cmd-two>"));
        assertEquals(
                new RoleText("query-hotpluggable-cpus[].props", "query-hotpluggable-cpus", true),
                RoleText.parse("query-hotpluggable-cpus[].props <query-hotpluggable-cpus>"));
        // the first unescaped "<" splits
        assertEquals(new RoleText("a <b", "c>", true), RoleText.parse("a \\<b <c>>"));
    }

    @Test
    void noTitle() {
        assertEquals(new RoleText("<x>", "<x>", false), RoleText.parse("<x>"));
        assertEquals(new RoleText("~QMP:Foo", "~QMP:Foo", false), RoleText.parse("~QMP:Foo"));
        assertEquals(new RoleText("a*b", "a*b", false), RoleText.parse("a\\*b"));
    }
}
