package io.pdig.analyzer.fields;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldRegistryTest {
    private static final Pattern FIELD = Pattern.compile(
            "(?<![\\w./-])%?((?:evt|proc|thread|fd|user|group|container|k8s)\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)(\\[[^\\]\\s]*\\])?");

    private final FieldRegistry reg = FieldRegistry.standard();

    @Test
    void everyFieldOfTheUpstreamRuleFilesIsDeclared() throws IOException {
        Path dir = Path.of(System.getProperty("pdig.repo.root", "/work/main"), "..", "shared", "falco-rules");
        Set<String> seen = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String f : List.of("falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(dir.resolve(f)));
            for (JsonNode item : doc) {
                List<String> texts = new ArrayList<>();
                for (String k : List.of("condition", "output")) {
                    if (item.has(k)) texts.add(item.get(k).asText());
                }
                if (item.has("exceptions")) {
                    for (JsonNode ex : item.get("exceptions")) {
                        for (JsonNode fld : ex.path("fields")) texts.add(fld.asText());
                    }
                }
                for (String t : texts) {
                    Matcher m = FIELD.matcher(t);
                    while (m.find()) {
                        String name = m.group(1);
                        seen.add(name + (m.group(2) == null ? "" : m.group(2)));
                        if (reg.lookup(name) == null) missing.add(f + ": " + name);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "undeclared: " + missing);
        assertTrue(seen.size() > 80, "sanity: the scan found the rule fields, got " + seen);
        assertTrue(seen.contains("proc.aname[2]") && seen.contains("evt.arg.flags"), seen.toString());
    }

    @Test
    void dottedArgumentsSplitOnlyForArgFields() {
        assertArrayEquals(new String[] {"evt.arg", "flags"}, reg.splitDottedArgument("evt.arg.flags"));
        assertArrayEquals(new String[] {"evt.rawarg", "res"}, reg.splitDottedArgument("evt.rawarg.res"));
        assertArrayEquals(new String[] {"evt.args", null}, reg.splitDottedArgument("evt.args"));
        assertArrayEquals(new String[] {"proc.name", null}, reg.splitDottedArgument("proc.name"));
        assertSame(reg.lookup("evt.arg"), reg.lookup("evt.arg.flags"));
        assertEquals("evt.args", reg.lookup("evt.args").name());
        assertNull(reg.lookup("proc.nosuch"));
        assertNull(reg.lookup("evt.arg."));
    }

    @Test
    void declarationsAreCompleteAndUnique() {
        Set<String> names = new HashSet<>();
        for (FieldDef f : reg.all()) {
            assertTrue(names.add(f.name()), "duplicate " + f.name());
            assertFalse(f.description().isBlank(), f.name());
            assertNotNull(f.type(), f.name());
        }
        assertTrue(names.size() > 150, "registry has " + names.size());
        assertEquals(FieldArg.REQUIRED_KEY, reg.lookup("evt.arg").arg());
        assertEquals(FieldArg.OPTIONAL_INDEX, reg.lookup("proc.aname").arg());
        assertEquals(FieldType.PORT, reg.lookup("fd.sport").type());
        assertEquals(FieldType.IPNET, reg.lookup("fd.snet").type());
    }
}
