package io.pdig.analyzer.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * container.id from the contents of /proc/PID/cgroup as recorded in the Exec event: Docker
 * ("/docker/ID", "docker-ID.scope"), containerd ("cri-containerd-ID.scope", kubepods paths),
 * CRI-O ("crio-ID.scope") and podman ("libpod-ID.scope") put the 64-hex container id in the path;
 * Falco's container plugin reports its first 12 characters. Anything else is the host.
 */
public final class ContainerIds {
    private static final Pattern ID = Pattern.compile(
            "(?:^|/|docker-|crio-|cri-containerd-|containerd-|libpod-)([0-9a-f]{64})(?:\\.scope)?(?:/|$)");

    private ContainerIds() {
    }

    /** "host", or the 64-hex id; null when no cgroup is known. */
    public static String fullId(String cgroup) {
        if (cgroup == null) {
            return null;
        }
        for (String line : cgroup.split("\n")) {
            int colon = line.indexOf(':', line.indexOf(':') + 1);
            String path = colon >= 0 ? line.substring(colon + 1) : line;
            Matcher m = ID.matcher(path);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "host";
    }

    /** "host", or the 12-char short id; null when no cgroup is known. */
    public static String shortId(String cgroup) {
        String full = fullId(cgroup);
        return full == null || full.equals("host") ? full : full.substring(0, 12);
    }
}
