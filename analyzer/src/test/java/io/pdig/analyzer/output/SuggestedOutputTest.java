package io.pdig.analyzer.output;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.OutputFormat;
import io.pdig.analyzer.state.TestEvents.Harness;
import org.junit.jupiter.api.Test;

class SuggestedOutputTest {

    @Test
    void tailMatchesFalcosDefaultAndRendersHostValues() {
        assertEquals(" container_id=%container.id container_name=%container.name "
                + "container_image_repository=%container.image.repository container_image_tag=%container.image.tag "
                + "k8s_pod_name=%k8s.pod.name k8s_ns_name=%k8s.ns.name", SuggestedOutput.TAIL);
        Harness h = new Harness().feed(exec(7, "/bin/sh", "sh").build(), sys(7, "getpid", 7));
        OutputFormat f = OutputFormat.parse(SuggestedOutput.appendTo("x=%proc.name"), FieldRegistry.standard());
        assertEquals("x=sh container_id=host container_name=host container_image_repository= container_image_tag= "
                + "k8s_pod_name=<NA> k8s_ns_name=<NA>", f.render(h.last(), FalcoFieldFormatting.INSTANCE));
    }
}
