package io.pdig.analyzer.state;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path normalization, container ids from cgroups, the passwd/group directory. */
class SupportTest {

    @Test
    void pathNormalization() {
        assertEquals("/a/c", PathNames.resolve("/a/b", "../c"));
        assertEquals("/", PathNames.resolve("/", ".."));
        assertEquals("/x/y", PathNames.resolve(null, "/x//./y/"));
        assertEquals("rel", PathNames.resolve(null, "rel"));
        assertEquals("/", PathNames.directory("/etc"));
        assertEquals("/etc", PathNames.directory("/etc/passwd"));
        assertEquals("passwd", PathNames.filename("/etc/passwd"));
    }

    @Test
    void containerIds() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertEquals("host", ContainerIds.shortId("0::/user.slice/user-1000.slice/session-3.scope\n"));
        assertEquals("0123456789ab", ContainerIds.shortId("0::/system.slice/docker-" + id + ".scope\n"));
        assertEquals("0123456789ab", ContainerIds.shortId("12:pids:/docker/" + id + "\n"));
        assertEquals("0123456789ab", ContainerIds.shortId(
                "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/cri-containerd-" + id + ".scope"));
        assertEquals("0123456789ab", ContainerIds.shortId("0::/machine.slice/libpod-" + id + ".scope/container"));
        assertEquals("0123456789ab", ContainerIds.shortId("0::/crio-" + id + ".scope"));
        assertNull(ContainerIds.shortId(null));
    }

    @Test
    void passwdDirectory(@TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        Path group = dir.resolve("group");
        Files.writeString(passwd, "# comment\nbob:x:1001:1001:Bob:/home/bob:/bin/sh\nbroken line\n");
        Files.writeString(group, "bob:x:1001:\nwheel:x:10:bob\n");
        UserDirectory d = PasswdUserDirectory.load(passwd, group);
        assertEquals(new UserDirectory.User("bob", "/home/bob", "/bin/sh"), d.user(1001));
        assertEquals("root", d.user(0).name(), "root without an entry");
        assertNull(d.user(1002));
        assertEquals("wheel", d.groupName(10));
        assertEquals("root", d.groupName(0));
        UserDirectory missing = PasswdUserDirectory.load(dir.resolve("none"), dir.resolve("none2"));
        assertNull(missing.user(1001));
    }
}
