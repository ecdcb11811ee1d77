package io.pdig.analyzer.rules;

/** Public face of the rule engine's version, for `pdig version` and required_engine_version. */
public final class EngineInfo {
    private EngineInfo() {
    }

    /** The engine version pdig reports (Falco's engine numbering), e.g. "0.62.0". */
    public static String version() {
        EngineVersion v = EngineVersion.ENGINE;
        return v.major() + "." + v.minor() + "." + v.patch();
    }
}
