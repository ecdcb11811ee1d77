package io.pdig.tracer.catalogue;

/** Whether this kernel runs i386 code (CONFIG_IA32_EMULATION and not disabled at boot). */
final class Abis {

    private static Boolean ia32;

    private Abis() {
    }

    /** Runs the i386 hello program untraced once; it prints "hello32" only with IA32 emulation. */
    static synchronized boolean ia32Works() throws Exception {
        if (ia32 == null) {
            try {
                Process p = new ProcessBuilder(Programs.bin("hello_i386").toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                ia32 = p.waitFor() == 0 && out.contains("hello32");
            } catch (java.io.IOException e) {
                ia32 = false; // ENOEXEC: the kernel does not know the format at all
            }
        }
        return ia32;
    }
}
