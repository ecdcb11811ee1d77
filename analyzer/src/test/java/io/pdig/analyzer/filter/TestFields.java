package io.pdig.analyzer.filter;

import io.pdig.analyzer.fields.EvalContext;
import io.pdig.analyzer.fields.FieldArg;
import io.pdig.analyzer.fields.FieldDef;
import io.pdig.analyzer.fields.FieldLookup;
import io.pdig.analyzer.fields.FieldType;
import io.pdig.model.event.Event;
import java.util.HashMap;
import java.util.Map;

/**
 * A small test-only field registry: each field reads its value from the test context's map under
 * "name" or "name[arg]". Lets grammar/operator/loader tests run without the real state tables.
 */
public final class TestFields implements FieldLookup {
    private final Map<String, FieldDef> defs = new HashMap<>();

    public static TestFields standard() {
        TestFields f = new TestFields();
        f.add("evt.type", FieldType.CHARBUF, FieldArg.NONE);
        f.add("evt.num", FieldType.UINT64, FieldArg.NONE);
        f.add("evt.rawres", FieldType.INT64, FieldArg.NONE);
        f.add("evt.res", FieldType.CHARBUF, FieldArg.NONE);
        f.add("evt.arg", FieldType.CHARBUF, FieldArg.REQUIRED_KEY);
        f.add("evt.is_open_read", FieldType.BOOL, FieldArg.NONE);
        f.add("evt.buffer", FieldType.BYTEBUF, FieldArg.NONE);
        f.add("evt.dir", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.name", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.pname", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.cmdline", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.exe", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.args", FieldType.CHARBUF, FieldArg.NONE);
        f.add("proc.pid", FieldType.PID, FieldArg.NONE);
        f.add("proc.tty", FieldType.UINT64, FieldArg.NONE);
        f.add("proc.env", FieldType.CHARBUF, FieldArg.OPTIONAL_KEY);
        f.defs.put("proc.aname", new Def("proc.aname", FieldType.CHARBUF, FieldArg.OPTIONAL_INDEX, false, true));
        f.defs.put("proc.fdlist", new Def("proc.fdlist", FieldType.CHARBUF, FieldArg.NONE, true, false));
        f.add("user.name", FieldType.CHARBUF, FieldArg.NONE);
        f.add("user.uid", FieldType.UINT64, FieldArg.NONE);
        f.add("fd.name", FieldType.FSPATH, FieldArg.NONE);
        f.add("fd.directory", FieldType.FSPATH, FieldArg.NONE);
        f.add("fd.num", FieldType.FD, FieldArg.NONE);
        f.add("fd.typechar", FieldType.CHARBUF, FieldArg.NONE);
        f.add("fd.sport", FieldType.PORT, FieldArg.NONE);
        f.add("fd.sip", FieldType.IPADDR, FieldArg.NONE);
        f.add("fd.snet", FieldType.IPNET, FieldArg.NONE);
        f.add("container.id", FieldType.STRING, FieldArg.NONE);
        return f;
    }

    public TestFields add(String name, FieldType type, FieldArg arg) {
        defs.put(name, new Def(name, type, arg, false, false));
        return this;
    }

    @Override
    public FieldDef lookup(String name) {
        FieldDef d = defs.get(name);
        if (d == null && name.startsWith("evt.arg.")) d = defs.get("evt.arg");
        return d;
    }

    @Override
    public String[] splitDottedArgument(String name) {
        if (name.startsWith("evt.arg.")) return new String[] {"evt.arg", name.substring(8)};
        return new String[] {name, null};
    }

    record Def(String name, FieldType type, FieldArg arg, boolean isList, boolean anyElement) implements FieldDef {
        @Override
        public String description() {
            return "test field " + name;
        }

        @Override
        public Object extract(EvalContext ctx, String argument) {
            return ((Ctx) ctx).values.get(argument == null ? name : name + "[" + argument + "]");
        }

        @Override
        public boolean matchesAnyElement(String argument) {
            return anyElement && argument == null;
        }
    }

    /** An event context that is just a map of field values. */
    public static final class Ctx implements EvalContext {
        final Map<String, Object> values = new HashMap<>();

        public Ctx with(String key, Object value) {
            values.put(key, value);
            return this;
        }

        public static Ctx of(Object... kv) {
            Ctx c = new Ctx();
            for (int i = 0; i < kv.length; i += 2) c.values.put((String) kv[i], kv[i + 1]);
            return c;
        }

        @Override
        public Event event() {
            return null;
        }

        @Override
        public long seq() {
            return 0;
        }
    }
}
