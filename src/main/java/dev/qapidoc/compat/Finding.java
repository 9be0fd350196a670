package dev.qapidoc.compat;

/**
 * One wire-level difference between two schemas.
 *
 * @param severity {@code breaking} or {@code compatible}
 * @param direction {@code send}, {@code receive} or {@code both}
 * @param path where on the wire, e.g. {@code command migrate, argument blk}
 * @param message what changed and, when it matters, why it is (in)compatible
 * @param old where the old side is written, or null (absent, or introspection input)
 * @param now where the new side is written, or null
 */
public record Finding(
        String severity, String direction, String path, String message, WireModel.Where old, WireModel.Where now) {

    /** {@code breaking}. */
    public static final String BREAKING = "breaking";
    /** {@code compatible}. */
    public static final String COMPATIBLE = "compatible";

    /** True when the change breaks existing clients. */
    public boolean breaking() {
        return severity.equals(BREAKING);
    }

    /** The text line: {@code SEVERITY DIRECTION: PATH: MESSAGE}. */
    public String text() {
        return severity + " " + direction + ": " + path + ": " + message;
    }
}
