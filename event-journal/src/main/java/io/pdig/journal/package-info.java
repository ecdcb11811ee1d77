/**
 * The event journal: a durable, append-only, checksummed sequence of events with one writer and
 * named resumable readers. Interfaces here ({@link io.pdig.journal.Journal},
 * {@link io.pdig.journal.JournalWriter}, {@link io.pdig.journal.JournalReader},
 * {@link io.pdig.journal.JournalRecord}); the record format in {@code codec} (see
 * {@link io.pdig.journal.codec.JournalSchema} and its editing rules); logic shared by all stores in
 * {@code store}; Chronicle Queue storage in {@code chronicle} (the only package in pdig that sees
 * Chronicle types) and an in-memory store for tests in {@code memory}. See docs/JOURNAL.md.
 */
package io.pdig.journal;
