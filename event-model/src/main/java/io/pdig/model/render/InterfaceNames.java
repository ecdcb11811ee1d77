package io.pdig.model.render;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Network interface names by index, for strace's {@code if_nametoindex("lo")} (IP_PKTINFO's
 * ipi_ifindex). As strace, the name is this machine's at print time, not the traced one's: a dump
 * of a journal elsewhere shows that machine's names. Each index is asked once per pdig process
 * (the JDK enumerates the interfaces, far slower than a line's rendering, and --print renders on
 * the tracer thread); a renamed or new interface is seen by the next pdig. Thread-safe.
 */
final class InterfaceNames {

    /** Index to name, "" for an index this machine does not have. */
    private static final ConcurrentHashMap<Integer, String> NAMES = new ConcurrentHashMap<>();

    private InterfaceNames() {
    }

    /** The interface's name, or null when there is none with that index (or it cannot be asked). */
    static String of(int index) {
        if (index <= 0) return null;
        String n = NAMES.computeIfAbsent(index, InterfaceNames::ask);
        return n.isEmpty() ? null : n;
    }

    private static String ask(int index) {
        try {
            NetworkInterface i = NetworkInterface.getByIndex(index);
            return i == null ? "" : i.getName();
        } catch (SocketException | RuntimeException e) {
            return "";
        }
    }
}
