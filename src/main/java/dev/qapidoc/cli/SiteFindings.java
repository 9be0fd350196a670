package dev.qapidoc.cli;

import dev.qapidoc.rst.SystemMessage;
import java.util.List;

/**
 * What a site build reported, counted the way {@code build} and {@code html} both decide
 * success: WARNING messages are warnings, every level above them (ERROR, SEVERE) is an error,
 * INFO is neither and is not shown.
 */
record SiteFindings(int errors, int warnings) {

    /**
     * Prints the tolerant-load summary (if the schemas needed one) and then every message above
     * INFO to stderr in the order the build produced them, and counts them.
     */
    static SiteFindings print(Console io, SchemaRst schemas, List<SystemMessage> messages) {
        return print(io, schemas.tolerantSummary(), messages);
    }

    /** As above, with the tolerant-load summary line given (null for none). */
    static SiteFindings print(Console io, String tolerant, List<SystemMessage> messages) {
        int errors = 0;
        int warnings = 0;
        if (tolerant != null) {
            io.err.println(tolerant);
        }
        for (SystemMessage m : messages) {
            if (m.level() == SystemMessage.Level.INFO) {
                continue;
            }
            io.err.println(m.render());
            if (m.level() == SystemMessage.Level.WARNING) {
                warnings++;
            } else {
                errors++;
            }
        }
        return new SiteFindings(errors, warnings);
    }
}
