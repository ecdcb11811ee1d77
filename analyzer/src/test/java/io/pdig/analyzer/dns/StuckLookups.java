package io.pdig.analyzer.dns;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A lookup that does not return until the test releases it and, like the JDK's, ignores
 * interrupts meanwhile: what a dead DNS server looks like to the cache. One per test.
 */
public final class StuckLookups {
    private final CountDownLatch released = new CountDownLatch(1);

    /** Blocks the calling lookup until {@link #release}, then answers {@code answer}. */
    public List<byte[]> block(List<byte[]> answer) {
        boolean done = false;
        while (!done) {
            try {
                released.await();
                done = true;
            } catch (InterruptedException e) {
                // close() interrupts; the JDK's lookup ignores that, and so does this one
            }
        }
        return answer;
    }

    public void release() {
        released.countDown();
    }
}
