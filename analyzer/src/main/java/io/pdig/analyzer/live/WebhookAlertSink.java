package io.pdig.analyzer.live;

import io.pdig.analyzer.output.Alert;
import io.pdig.analyzer.output.AlertSink;
import io.pdig.analyzer.output.JsonAlerts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each alert as Falco's JSON to a URL (what falcosidekick and Falco's http_output expect).
 *
 * <p>A dead or slow endpoint must never slow detection, let alone the trace: {@link #accept} only
 * offers to a bounded queue (a full queue drops and counts the alert), and one daemon sender
 * thread, owned by this sink, does the HTTP work with retries and backoff. {@link #close} gives
 * the sender a bounded time to drain, then stops it.
 */
public final class WebhookAlertSink implements AlertSink {

    public static final int DEFAULT_QUEUE = 4096;
    private static final int ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final long DRAIN_MILLIS = 5_000;

    private final URI url;
    private final BlockingQueue<String> queue;
    private final HttpClient client;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    public WebhookAlertSink(URI url, int queueCapacity) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("--webhook: expected an http:// or https:// URL, got '" + url + "'");
        }
        this.url = url;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        this.sender = new Thread(this::sendLoop, "pdig-webhook");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    @Override
    public void accept(Alert alert) {
        if (!queue.offer(JsonAlerts.toLine(alert))) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void prepare(Alert sample) {
        JsonAlerts.toLine(sample);
    }

    private void sendLoop() {
        try {
            while (!closing || !queue.isEmpty()) {
                String body = queue.poll(100, TimeUnit.MILLISECONDS);
                if (body != null) {
                    post(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(String body) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "pdig")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long backoff = 100;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    sent.incrementAndGet();
                    return;
                }
            } catch (java.io.IOException e) {
                // retried below
            }
            if (attempt < ATTEMPTS && !closing) {
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
        failed.incrementAndGet();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public String lossReport() {
        long f = failed.get();
        long d = dropped.get();
        if (f + d == 0) return null;
        return (f + d) + " alert" + (f + d == 1 ? "" : "s") + " not delivered (" + f + " failed after " + ATTEMPTS
                + " attempts, " + d + " dropped from a full queue or at exit)";
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        closing = true;
        try {
            sender.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
            dropped.addAndGet(queue.size());
            queue.clear();
        }
    }
}
