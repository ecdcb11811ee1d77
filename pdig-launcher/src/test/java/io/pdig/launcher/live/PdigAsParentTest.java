package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traced command's parent is pdig's JVM; rules must see it as pdig (SelfPresentation), not as
 * a Java application: a "shell spawned by Java" rule would otherwise fire on every traced shell.
 */
class PdigAsParentTest {

    @Test
    void theCommandsParentIsPdigWithItsArguments(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("parent.yaml");
        Files.writeString(rules, """
                - rule: Parent of the traced shell
                  desc: shows what rules see as the parent of pdig's command
                  condition: evt.type in (execve, execveat) and evt.dir=< and proc.name=sh
                  output: "pname=%proc.pname pexe=%proc.pexe pexepath=%proc.pexepath pcmdline=%proc.pcmdline"
                  priority: WARNING
                - rule: Shell spawned by a Java process
                  desc: the classic Java RCE rule; pdig's JVM must not look like such a parent
                  condition: evt.type in (execve, execveat) and evt.dir=< and proc.name=sh and proc.pexepath endswith java
                  output: "java parent %proc.pexepath"
                  priority: WARNING
                """);
        Pdig.Result r = Pdig.run(tmp, "run", "-r", rules.toString(), "--", "sh", "-c", "exit 0");
        assertEquals(0, r.exitCode(), r.transcript());
        String root = Pdig.repoRoot().toString();
        assertTrue(r.stderr().contains("pname=pdig pexe=pdig pexepath=" + root + "/pdig pcmdline=pdig run -r " + rules
                + " -- sh -c exit 0"), r.transcript());
        assertFalse(r.stderr().contains("java parent"), r.transcript());
        assertFalse(r.stderr().contains("-XX:"), "no JVM flag in any alert: " + r.transcript());
    }
}
