package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldArg.NONE;
import static io.pdig.analyzer.fields.FieldArg.REQUIRED_KEY;
import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.state.ProcessInfo;

/**
 * container.* and k8s.* fields, emulating Falco's container plugin as far as events allow:
 * container.id is "host" outside containers and the 12-character id parsed from the cgroup path
 * of the Exec event inside Docker/containerd/CRI-O/podman containers. For host processes the
 * plugin's constants are reproduced (name "host", empty image strings); metadata that needs the
 * container runtime (name, image, privileged, mounts) and all k8s fields have no value.
 */
final class ContainerFields {
    private ContainerFields() {
    }

    static void register(FieldRegistry.Builder b) {
        b.plain("container.id", CHARBUF, "container id (12 chars), or \"host\"", (c, a) -> id(c));
        b.plain("container.full_id", CHARBUF, "container id as found in the cgroup path, or \"host\"", (c, a) -> {
            ProcessInfo p = c.process();
            return p == null ? null : io.pdig.analyzer.state.ContainerIds.fullId(p.cgroup());
        });
        b.plain("container.name", CHARBUF, "container name: \"host\" on the host, unknown in containers",
                hostOnly("host"));
        b.plain("container.image", CHARBUF, "container image: empty on the host, unknown in containers", hostOnly(""));
        b.plain("container.image.id", CHARBUF, "image id: empty on the host, unknown in containers", hostOnly(""));
        b.plain("container.image.repository", CHARBUF, "image repository: empty on the host, unknown in containers",
                hostOnly(""));
        b.plain("container.image.tag", CHARBUF, "image tag: empty on the host, unknown in containers", hostOnly(""));
        b.plain("container.image.digest", CHARBUF, "image digest: empty on the host, unknown in containers",
                hostOnly(""));
        b.plain("container.type", CHARBUF, "container runtime type: \"host\" on the host", hostOnly("host"));
        b.noValue("container.privileged", BOOL, NONE, "true for privileged containers");
        b.noValue("container.mounts", CHARBUF, NONE, "container mounts");
        b.noValue("container.mount", CHARBUF, REQUIRED_KEY, "a mount by index or source");
        b.noValue("container.mount.source", CHARBUF, REQUIRED_KEY, "a mount source");
        b.noValue("container.mount.dest", CHARBUF, REQUIRED_KEY, "a mount destination");
        b.noValue("container.mount.mode", CHARBUF, REQUIRED_KEY, "a mount mode");
        b.noValue("container.mount.rdwr", CHARBUF, REQUIRED_KEY, "a mount read/write flag");
        b.noValue("container.mount.propagation", CHARBUF, REQUIRED_KEY, "a mount propagation");
        b.noValue("container.start_ts", ABSTIME, NONE, "container start time");
        b.noValue("container.duration", RELTIME, NONE, "time since the container started");
        b.noValue("container.ip", CHARBUF, NONE, "container IP address");
        b.noValue("container.cni.json", CHARBUF, NONE, "container CNI result");
        b.noValue("container.healthcheck", CHARBUF, NONE, "container health check");
        b.noValue("container.liveness_probe", CHARBUF, NONE, "container liveness probe");
        b.noValue("container.readiness_probe", CHARBUF, NONE, "container readiness probe");
        b.noValue("container.label", CHARBUF, REQUIRED_KEY, "a container label");
        b.noValue("container.labels", CHARBUF, NONE, "container labels");
        for (String k : new String[] {"k8s.pod.name", "k8s.pod.id", "k8s.pod.uid", "k8s.pod.sandbox_id",
            "k8s.pod.full_sandbox_id", "k8s.pod.ip", "k8s.pod.cni.json", "k8s.pod.labels", "k8s.ns.name",
            "k8s.ns.id", "k8s.rc.name", "k8s.rs.name", "k8s.svc.name", "k8s.deployment.name"}) {
            b.noValue(k, CHARBUF, NONE, "Kubernetes metadata " + k.substring(4));
        }
        b.noValue("k8s.pod.label", CHARBUF, REQUIRED_KEY, "a pod label");
        b.noValue("k8s.ns.label", CHARBUF, REQUIRED_KEY, "a namespace label");
    }

    private static String id(EvalContext c) {
        ProcessInfo p = c.process();
        return p == null ? null : p.containerId();
    }

    private static Field.Extractor hostOnly(String hostValue) {
        return (c, a) -> "host".equals(id(c)) ? hostValue : null;
    }
}
