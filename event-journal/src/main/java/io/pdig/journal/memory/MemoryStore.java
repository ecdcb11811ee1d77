package io.pdig.journal.memory;

import io.pdig.journal.JournalException;
import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.store.RecordStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as byte arrays in a list, guarded by this object's monitor. Holds exactly the bytes a
 * Chronicle store would, so the codec and the integrity checks are the same as on disk.
 */
final class MemoryStore implements RecordStore {
    private final List<byte[]> records = new ArrayList<>();
    private final Map<String, Long> positions = new HashMap<>();
    private volatile long highWaterMark = -1;
    private boolean locked;
    /** Test gate: the journal thread waits here before opening and before each append. */
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    @Override
    public String label() {
        return "journal <memory>";
    }

    @Override
    public synchronized java.util.List<String> lockForWrite() {
        if (locked) throw new JournalException(label() + ": already being written");
        locked = true;
        return java.util.List.of();
    }

    void pause() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    void resume() {
        gate.countDown();
    }

    private void passGate() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long openForWrite() {
        passGate();
        synchronized (this) {
            return nextSeq();
        }
    }

    private long nextSeq() {
        long next = highWaterMark + 1;
        if (!records.isEmpty()) {
            byte[] last = records.get(records.size() - 1);
            next = Math.max(next, RecordDecoder.peekSeq(last, 0, last.length) + 1);
        }
        return next;
    }

    @Override
    public boolean nextAppendStartsFile() {
        return false;
    }

    @Override
    public void append(byte[] record, int length, long seq) {
        passGate();
        synchronized (this) {
            records.add(java.util.Arrays.copyOf(record, length));
        }
    }

    @Override
    public void batchAppended(long lastSeq) {
        highWaterMark = lastSeq;
    }

    @Override
    public synchronized void closeWriter() {
        locked = false;
    }

    @Override
    public long highWaterMark() {
        return highWaterMark;
    }

    @Override
    public Cursor cursor(long fromSeq) {
        // Scans from the first record: the reader decodes forward to fromSeq (fine for test sizes).
        return new Cursor() {
            private int next;

            @Override
            public boolean next(ByteWriter into) {
                byte[] r;
                synchronized (MemoryStore.this) {
                    if (next >= records.size()) return false;
                    r = records.get(next++);
                }
                into.reset();
                into.raw(r, 0, r.length);
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized long loadPosition(String name) {
        return positions.getOrDefault(name, -1L);
    }

    @Override
    public synchronized void savePosition(String name, long seq) {
        positions.put(name, seq);
    }

    synchronized int size() {
        return records.size();
    }

    synchronized byte[] record(int index) {
        return records.get(index);
    }

    synchronized void remove(int index) {
        records.remove(index);
    }

    @Override
    public void close() {
    }
}
