package io.pdig.analyzer.rules;

/**
 * Semantic versions as Falco's loader compares them: the engine version pdig reports
 * ({@link #ENGINE}, Falco 0.44's engine) and the built-in plugin versions it pretends to have.
 */
record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {
    /** The engine version pdig reports, Falco 0.44.x's: rules requiring up to 0.62.0 load. */
    static final EngineVersion ENGINE = new EngineVersion(0, 62, 0);
    /** pdig emulates Falco's container plugin built in, so rules requiring it load. */
    static final EngineVersion CONTAINER_PLUGIN = new EngineVersion(0, 4, 0);

    /** "x.y.z" or null. */
    static EngineVersion parse(String s) {
        String[] parts = s.trim().split("\\.", -1);
        if (parts.length != 3) return null;
        try {
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            int c = Integer.parseInt(parts[2].replaceFirst("[-+].*$", ""));
            if (a < 0 || b < 0 || c < 0) return null;
            return new EngineVersion(a, b, c);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compareTo(EngineVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    /** Falco's rule: same major, and at least the required version. */
    boolean satisfies(EngineVersion required) {
        return major == required.major && compareTo(required) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
