package dev.qapidoc.ext;

import java.nio.file.Files;
import java.nio.file.Path;

/** Development aid: prints the reST kernel-doc writes for a C file. */
final class KernelDocDump {
    private KernelDocDump() {}

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        KernelDocRst.write(KernelDocComments.read(text), false).forEach(System.out::println);
    }
}
