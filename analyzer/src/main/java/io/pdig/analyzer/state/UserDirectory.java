package io.pdig.analyzer.state;

/**
 * User and group names of the traced system, for user.name, group.name and friends.
 *
 * <p>Why pluggable: the analyzer never reads /proc or tracee memory, so that a live run and a
 * replay of its journal give the same alerts. The default implementation reads /etc/passwd and
 * /etc/group of the host once when the analyzer starts; a replay on another machine may pass a
 * directory loaded from copies of the traced system's files. uid 0 and gid 0 are "root" even
 * without an entry, as in Falco. Unknown ids give null; fields then print "<NA>" as a value.
 */
public interface UserDirectory {
    /** A user entry: name, home directory, login shell. */
    record User(String name, String home, String shell) {
    }

    User user(int uid);

    String groupName(int gid);

    /** A directory that knows only root. */
    static UserDirectory rootOnly() {
        return PasswdUserDirectory.parse("", "");
    }
}
