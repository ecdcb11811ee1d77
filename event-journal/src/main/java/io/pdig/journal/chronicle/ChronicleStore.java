package io.pdig.journal.chronicle;

import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.codec.ByteWriter;
import io.pdig.journal.codec.JournalSchema;
import io.pdig.journal.codec.RecordDecoder;
import io.pdig.journal.store.LongCell;
import io.pdig.journal.store.Permissions;
import io.pdig.journal.store.PositionFiles;
import io.pdig.journal.store.RecordStore;
import io.pdig.journal.store.StoreDamageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A Chronicle Queue directory as a {@link RecordStore}: each excerpt a frame of records (or, in
 * journals of layout 1, a single record; see {@link Frames}). Beside Chronicle's files the directory
 * holds {@code layout} (present: layout 2), {@code writer.lock} (the single-writer lock), {@code hwm}
 * (the writer's high-water mark, see StoreReader) and {@code readers/NAME.pos} (named readers'
 * positions).
 *
 * <p>Threading: the queue is opened once, lazily, under this object's monitor (by the journal
 * thread for a writer, by a reader's thread on first read). The appender, the roll bookkeeping and
 * the high-water mark cell are confined to the journal thread; each cursor to its reader's thread.
 */
final class ChronicleStore implements RecordStore {
    static {
        ChronicleJournal.configureChronicle();
    }

    static final String LOCK_FILE = "writer.lock";
    static final String HWM_FILE = "hwm";
    /** How far back the writer looks for the last intact record when the tail is damaged. */
    private static final int MAX_BACKWARD_SCAN = 100_000;

    private final Path dir;
    private final JournalConfig config;
    private final WriterClock clock;
    private final String label;
    private final PositionFiles positions;
    private final LongCell hwmReader;
    /**
     * Opened by a reader only (dump, replay, analyze): Chronicle maps the files read-only and
     * pdig neither creates nor chmods anything, so reading leaves every byte of the directory as
     * it was (a journal may be evidence, or on a read-only medium). Only named readers' position
     * files are written, by design (see {@link PositionFiles}).
     */
    private final boolean readOnly;
    private SingleChronicleQueue queue;
    private boolean closed;

    private FileChannel lockChannel;
    private FileLock lock;
    // Journal thread only:
    private ExcerptAppender appender;
    private LongCell hwmWriter;
    /** This journal's layout as the writer found or chose it (see {@link Frames}). */
    private boolean framed;
    /** The frame being built: records appended since the last excerpt was written. */
    private final ByteWriter frame = new ByteWriter(Frames.FRAME_BYTES + 1024);
    private int frameRecords;
    /** See {@link #maxRecordBytes}; set by openForWrite. */
    private int maxRecord = Integer.MAX_VALUE;
    private int lastCycle = Integer.MIN_VALUE;
    private boolean rolled;

    ChronicleStore(Path dir, JournalConfig config) {
        this(dir, config, false);
    }

    ChronicleStore(Path dir, JournalConfig config, boolean readOnly) {
        this.readOnly = readOnly;
        this.dir = dir;
        this.config = config;
        this.clock = new WriterClock(config.clockMillis());
        this.label = "journal " + dir;
        this.positions = new PositionFiles(dir);
        this.hwmReader = LongCell.forReading(dir.resolve(HWM_FILE));
    }

    @Override
    public String label() {
        return label;
    }

    /** True when {@code dir} holds a journal (possibly still empty). */
    static boolean isJournal(Path dir) {
        return hasQueueFiles(dir) || Files.exists(dir.resolve(Frames.LAYOUT_FILE));
    }

    /** True when Chronicle has created its files in {@code dir}. */
    private static boolean hasQueueFiles(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(".cq4") || n.endsWith(".cq4t")) return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private synchronized SingleChronicleQueue queue(boolean create) {
        if (closed) throw new JournalException(label + ": journal is closed");
        if (queue == null) {
            if (!create && !hasQueueFiles(dir)) return null;
            // A reader: damaged headers fail here, at once, naming the file (Chronicle would wait).
            if (!create) QueueFileCheck.check(dir, label);
            SingleChronicleQueueBuilder b = builder(dir);
            if (readOnly) b.readOnly(true);
            try {
                queue = b.build();
            } catch (RuntimeException | InternalError e) {
                // A reader's build reads only metadata.cq4t (the queue files are opened later, by
                // the tailer), so its failures (a lock word that reads as held, a missing key, a
                // length past the end of the mapping) are that file's damage: QueueFileCheck
                // has already passed its header. The writer's can have other causes.
                if (!create && Files.exists(dir.resolve(QueueFileCheck.METADATA_FILE))) {
                    throw new JournalException(label + ": damaged metadata file " + QueueFileCheck.METADATA_FILE
                            + " (Chronicle cannot open it: " + (JournalException.isMappedFileFault(e) ? "a read faulted past its end"
                            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
                }
                if (e instanceof InternalError ie) throw ie;
                throw new JournalException(label + ": cannot open: " + e.getMessage(), e);
            }
            if (!readOnly) tightenPermissions();
        }
        return queue;
    }

    private SingleChronicleQueueBuilder builder(Path where) {
        RollCycle roll = config.roll() == JournalConfig.Roll.HOURLY ? RollCycles.FAST_HOURLY : RollCycles.FAST_DAILY;
        if (readOnly) roll = rollOfFiles(where, roll);
        SingleChronicleQueueBuilder b = SingleChronicleQueueBuilder.binary(where).rollCycle(roll).timeProvider(clock);
        if (config.blockSize() > 0) b.blockSize(config.blockSize());
        return b;
    }

    /**
     * A reader does not know the roll the journal was written with, and Chronicle logs a warning
     * on stderr ("Overriding roll length from existing metadata") whenever the builder's differs
     * from the metadata's: every dump, replay and analyze of an hourly journal printed it. The
     * store files' names say it: hourly ones carry the hour ({@code 20260101-00F.cq4}), daily ones
     * do not ({@code 20260101F.cq4}). Without a store file, {@code otherwise}.
     */
    private static RollCycle rollOfFiles(Path where, RollCycle otherwise) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(where, "*.cq4")) {
            for (Path f : ds) {
                String n = f.getFileName().toString();
                if (n.matches("\\d{8}-\\d{2}F\\.cq4")) return RollCycles.FAST_HOURLY;
                if (n.matches("\\d{8}F\\.cq4")) return RollCycles.FAST_DAILY;
            }
        } catch (IOException e) {
            // Chronicle's own open reports an unlistable directory.
        }
        return otherwise;
    }

    private void tightenPermissions() {
        try {
            Permissions.tighten(dir);
        } catch (IOException e) {
            // A reader may not own the files; the writer (who creates them) always does.
        }
    }

    @Override
    public synchronized List<String> lockForWrite() {
        if (readOnly) throw new JournalException(label + ": opened for reading only");
        try {
            if (!Files.exists(dir)) {
                // Opened with openExisting and the directory is gone: create it private, as open does.
                Files.createDirectories(dir, Permissions.DIR_ATTR);
            }
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Permissions.tighten(dir);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new JournalException(label + ": already being written by another pdig (" + LOCK_FILE + " is locked)");
            }
        } catch (IOException e) {
            throw new JournalException(label + ": cannot lock for writing: " + e.getMessage(), e);
        }
        // Here, on the caller's thread, not when the journal thread opens the queue: a journal
        // that is already damaged fails the run before the command starts (as a locked one does),
        // at once and naming the file, and nothing is appended to it. The one exception, the
        // store file a killed writer was creating, is set aside first (and said).
        List<String> notices = new ArrayList<>();
        if (hasQueueFiles(dir)) {
            try {
                String setAside = UnfinishedStoreFile.setAside(dir, label, hwmReader::read, this::lastSeqWithout);
                if (setAside != null) notices.add(setAside);
                QueueFileCheck.checkForWriter(dir, label);
            } catch (JournalException e) {
                releaseLock();
                throw e;
            }
        }
        return notices;
    }

    /**
     * The last intact record's seq in the store files other than {@code left}, read through a
     * view without it (Chronicle would wait on that file's unfinished header); -1 when none.
     * Opens Chronicle on the caller's thread: only on the rare way to setting a file aside.
     */
    private long lastSeqWithout(String left) {
        try (IntactFilesView view = IntactFilesView.of(dir, java.util.Set.of(left), label);
             SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(view.dir()).readOnly(true)
                     .rollCycle(rollOfFiles(view.dir(), RollCycles.FAST_DAILY)).build()) {
            return lastStoredSeq(q, isFramed());
        } catch (RuntimeException | InternalError e) {
            if (e instanceof JournalException je) throw je;
            throw new JournalException(label + ": cannot read the store files before " + left + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long openForWrite() {
        // A new journal gets frames, marked before Chronicle creates a file (so a reader that sees
        // the queue also sees the marker); an existing one keeps the layout it has.
        if (!hasQueueFiles(dir)) writeLayoutMarker();
        framed = isFramed();
        SingleChronicleQueue q = queue(true);
        try {
            hwmWriter = LongCell.forWriting(dir.resolve(HWM_FILE));
        } catch (IOException e) {
            throw new JournalException(label + ": cannot create " + HWM_FILE + ": " + e.getMessage(), e);
        }
        appender = q.createAppender();
        // Chronicle takes excerpts up to a quarter of its block; a record alone in a frame adds
        // its length prefix (at most 5 bytes). The rest is slack.
        maxRecord = (int) Math.min(Integer.MAX_VALUE, q.blockSize() / 4 - 16);
        long last = lastStoredSeq(q, framed);
        return Math.max(last, hwmWriter.read()) + 1;
    }

    private void writeLayoutMarker() {
        Path marker = dir.resolve(Frames.LAYOUT_FILE);
        try {
            if (!Files.exists(marker)) {
                Files.createFile(marker, Permissions.FILE_ATTR);
                Files.write(marker, Frames.LAYOUT_CONTENT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new JournalException(label + ": cannot create " + Frames.LAYOUT_FILE + ": " + e.getMessage(), e);
        }
    }

    /** True when this journal's excerpts are frames (layout 2). Any thread. */
    boolean isFramed() {
        return Files.exists(dir.resolve(Frames.LAYOUT_FILE));
    }

    /** Sequence number of the last intact record, reading backwards from the end; -1 when none. */
    private static long lastStoredSeq(SingleChronicleQueue q, boolean framed) {
        RecordDecoder check = new RecordDecoder();
        ByteWriter buf = new ByteWriter(256);
        try (ExcerptTailer t = q.createTailer()) {
            t.direction(TailerDirection.BACKWARD).toEnd();
            for (int i = 0; i < MAX_BACKWARD_SCAN; i++) {
                if (!ChronicleCursor.read(t, buf)) return -1;
                if (framed) {
                    long seq = Frames.lastIntactSeq(buf.array(), buf.length(), check);
                    if (seq >= 0) return seq;
                } else if (check.checksumOk(buf.array(), 0, buf.length())) {
                    return RecordDecoder.peekSeq(buf.array(), 0, buf.length());
                }
            }
        }
        return -1;
    }

    @Override
    public boolean nextAppendStartsFile() {
        // A record joining a pending frame lands where the frame does: the excerpt is written
        // with the time pinned when the frame's first record was appended.
        if (frameRecords > 0) return false;
        clock.pin();
        int cycle = queue.rollCycle().current(clock, queue.epoch());
        if (cycle == lastCycle) return false;
        // Possibly a new file: tighten its permissions and apply retention after this batch.
        rolled = true;
        lastCycle = cycle;
        return true;
    }

    @Override
    public void append(byte[] record, int length, long seq) {
        if (!framed) {
            writeExcerpt(record, length);
            return;
        }
        // A record that would take the frame past its size goes into the next frame: a frame is at
        // most FRAME_BYTES or a single record, so a record that fits the store alone always fits.
        // (It still lands in the pinned cycle's file: the clock stays pinned until the next pin.)
        if (frameRecords > 0 && frame.length() + ByteWriter.uvarintSize(length) + length > Frames.FRAME_BYTES) flushFrame();
        Frames.add(frame, record, length);
        frameRecords++;
        if (frame.length() >= Frames.FRAME_BYTES) flushFrame();
    }

    @Override
    public int maxRecordBytes() {
        return maxRecord;
    }

    private void flushFrame() {
        if (frameRecords == 0) return;
        writeExcerpt(frame.array(), frame.length());
        frame.reset();
        frameRecords = 0;
    }

    private void writeExcerpt(byte[] bytes, int length) {
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(bytes, 0, length);
        }
    }

    @Override
    public void batchAppended(long lastSeq) {
        // The records of the batch are in the store before the high-water mark says so.
        flushFrame();
        hwmWriter.write(lastSeq);
        if (rolled) {
            rolled = false;
            tightenPermissions();
            applyRetention();
        }
    }

    /** Keeps the newest {@code retain} store files (by name, which sorts by cycle). */
    private void applyRetention() {
        int retain = config.retain();
        if (retain <= 0) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new JournalException(label + ": cannot list store files: " + e.getMessage(), e);
        }
        if (files.size() <= retain) return;
        Collections.sort(files);
        for (Path old : files.subList(0, files.size() - retain)) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new JournalException(label + ": cannot delete old store file " + old + ": " + e.getMessage(), e);
            }
        }
        queue.refreshDirectoryListing();
    }

    @Override
    public synchronized void closeWriter() {
        // A frame still pending here was cut short by a failure before its batch completed: its
        // records were never reported (high-water mark) and are dropped with the writer.
        frame.reset();
        frameRecords = 0;
        if (appender != null) {
            appender.close();
            appender = null;
        }
        if (hwmWriter != null) {
            hwmWriter.close();
            hwmWriter = null;
        }
        releaseLock();
    }

    private void releaseLock() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            // the lock goes away with the channel or the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    @Override
    public long highWaterMark() {
        return hwmReader.read();
    }

    @Override
    public Cursor cursor(long fromSeq) {
        SingleChronicleQueue q = queue(false);
        if (q == null) return null;
        ExcerptTailer t = q.createTailer();
        ChronicleCursor c = new ChronicleCursor(t, label, this::isFramed);
        c.position(q, fromSeq, JournalSchema.KEYFRAME_INTERVAL);
        return c;
    }

    /**
     * A journal with store files whose first header is damaged (QueueFileCheck; Chronicle would
     * wait ~20 s on a blank one, or fail the whole read on a foreign one) is read through a view of
     * links ({@link IntactFilesView}) that leaves them out:
     * <ul>
     *   <li>a reader that skips damage sees every other file; the cursor names the damaged ones,
     *       and the records they held show as a sequence gap;</li>
     *   <li>any other reader sees the files before the first damaged one: their records are read
     *       (as records before damage inside a file are), then the cursor fails naming the file.
     *       Nothing before it: it fails at once, as QueueFileCheck would.</li>
     * </ul>
     * A follower that skips damage is the second kind too: a view is a snapshot of the directory,
     * and a follower must see the files the writer creates later; its message says so.
     */
    @Override
    public Cursor cursor(long fromSeq, boolean skipDamage, boolean follow) {
        if (!hasQueueFiles(dir)) return cursor(fromSeq);
        SortedMap<String, String> damaged = QueueFileCheck.damagedStoreFiles(dir, label);
        if (damaged.isEmpty()) return cursor(fromSeq);
        boolean skipping = skipDamage && !follow;
        String first = damaged.firstKey();
        String failure = null;
        java.util.Set<String> leftOut = damaged.keySet();
        if (!skipping) {
            failure = damaged.get(first) + (skipDamage ? ": --skip-corrupt skips damaged store files only without --follow" : "");
            leftOut = storeFilesFrom(first);
            if (leftOut.size() == storeFileCount()) throw new JournalException(failure);
        }
        IntactFilesView view = IntactFilesView.of(dir, leftOut, label);
        SingleChronicleQueue q;
        try {
            q = builder(view.dir()).readOnly(true).build();
        } catch (RuntimeException | InternalError e) {
            view.close();
            throw new JournalException(label + ": cannot open the intact store files: " + e.getMessage(), e);
        }
        ExcerptTailer t = q.createTailer();
        ChronicleCursor c = new ChronicleCursor(t, label, this::isFramed, skipping ? List.copyOf(damaged.values()) : List.of(),
                failure, view.firstCycle(q.rollCycle()), () -> {
            q.close();
            view.close();
        });
        c.position(q, fromSeq, JournalSchema.KEYFRAME_INTERVAL);
        return c;
    }

    /** Names of the store files from {@code first} on (names sort by cycle). */
    private java.util.Set<String> storeFilesFrom(String first) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            for (Path f : ds) {
                String n = f.getFileName().toString();
                if (n.compareTo(first) >= 0) names.add(n);
            }
        } catch (IOException e) {
            throw new JournalException(label + ": cannot list store files: " + e.getMessage(), e);
        }
        return names;
    }

    private int storeFileCount() {
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.cq4")) {
            for (Path ignored : ds) n++;
        } catch (IOException e) {
            throw new JournalException(label + ": cannot list store files: " + e.getMessage(), e);
        }
        return n;
    }

    @Override
    public long loadPosition(String name) {
        return positions.load(name);
    }

    @Override
    public void savePosition(String name, long seq) {
        positions.save(name, seq);
        // The first save creates readers/NAME.pos with 0600 already; nothing else to tighten.
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closeWriter();
        positions.close();
        if (queue != null) queue.close();
    }

}
