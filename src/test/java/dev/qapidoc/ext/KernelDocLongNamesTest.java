package dev.qapidoc.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** kernel-doc highlights of very long member paths (issue 13 item 5): no stack overflow. */
class KernelDocLongNamesTest {

    @Test
    void longMemberPathsAreHighlighted() {
        String path = "a" + ".b".repeat(20_000);
        assertEquals("see **" + path + "** here", KernelDocRst.highlight("see @" + path + " here"));
        assertEquals("see :c:type:`" + path + "()` here", KernelDocRst.highlight("see #" + path + "() here"));
        // a trailing dot is not part of the path
        assertEquals("end **a.b**.", KernelDocRst.highlight("end @a.b."));
    }
}
