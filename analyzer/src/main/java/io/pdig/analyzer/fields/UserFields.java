package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.state.ProcessInfo;
import io.pdig.analyzer.state.StateView;
import io.pdig.analyzer.state.UserDirectory;
import java.util.function.Function;

/**
 * user.* and group.* fields. Ids come from the process state (effective ids, as Falco); names
 * from the {@link UserDirectory} the analyzer was given. An id the directory does not know
 * renders as the literal "&lt;NA&gt;" (a real value, as in Falco), not as "no value".
 */
final class UserFields {
    private UserFields() {
    }

    static final String NA = "<NA>";

    static void register(FieldRegistry.Builder b) {
        b.plain("user.uid", UINT64, "effective user id", (c, a) -> {
            ProcessInfo p = c.process();
            return p == null || p.euid() == null ? null : Integer.toUnsignedLong(p.euid());
        });
        b.plain("user.name", CHARBUF, "effective user name (<NA> when unknown)", user(c -> euid(c), UserDirectory.User::name));
        b.plain("user.homedir", CHARBUF, "home directory of the user", user(c -> euid(c), UserDirectory.User::home));
        b.plain("user.shell", CHARBUF, "login shell of the user", user(c -> euid(c), UserDirectory.User::shell));
        b.plain("user.loginuid", INT64, "audit login uid (-1 when unset)", (c, a) -> {
            ProcessInfo p = c.process();
            Integer l = p == null ? null : p.loginUid();
            return l == null ? null : (long) l;
        });
        b.plain("user.loginname", CHARBUF, "name of the audit login user (<NA> when unknown)",
                user(c -> {
                    ProcessInfo p = c.process();
                    return p == null ? null : p.loginUid();
                }, UserDirectory.User::name));
        b.plain("group.gid", UINT64, "effective group id", (c, a) -> {
            ProcessInfo p = c.process();
            return p == null || p.egid() == null ? null : Integer.toUnsignedLong(p.egid());
        });
        b.plain("group.name", CHARBUF, "effective group name (<NA> when unknown)", (c, a) -> {
            ProcessInfo p = c.process();
            if (p == null || p.egid() == null) {
                return null;
            }
            StateView s = c.state();
            String g = s == null || s.users() == null ? null : s.users().groupName(p.egid());
            return g == null ? NA : g;
        });
    }

    private static Integer euid(EvalContext c) {
        ProcessInfo p = c.process();
        return p == null ? null : p.euid();
    }

    private static Field.Extractor user(Function<EvalContext, Integer> id, Function<UserDirectory.User, String> f) {
        return (c, a) -> {
            Integer uid = id.apply(c);
            if (uid == null) {
                return null;
            }
            StateView s = c.state();
            UserDirectory.User u = s == null || s.users() == null || uid == -1 ? null : s.users().user(uid);
            return u == null ? NA : f.apply(u);
        };
    }
}
