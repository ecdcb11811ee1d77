package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -t, -tt and -ttt on `pdig run --print` and `pdig dump` lines of a real run: the stamp sits after
 * the thread id on every line (the signal and exit lines too), as `strace -f -tt -o FILE` puts it,
 * and it is the event's time, in local time of the TZ pdig runs with.
 */
class PrintTimestampsTest {

    /** Far from UTC, and not a whole number of hours, so that a stamp in UTC cannot pass. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    /** The program: one execve, a signal that kills it, so an exec, a signal and an exit line. */
    private static final String[] COMMAND = {"--syscalls", "execve,exit_group", "--", "/bin/sh", "-c", "kill -USR1 $$"};

    @TempDir
    Path tmp;

    private record Out(int code, String stdout, String stderr) {
    }

    /** ./pdig with TZ set to {@link #ZONE}. */
    private Out pdig(List<String> args) throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(Pdig.argv(args.toArray(String[]::new))).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TZ", ZONE.getId());
        Process p = pb.start();
        if (!p.waitFor(Pdig.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("pdig " + args + " did not finish");
        }
        return new Out(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The --print lines of the program run with these -t options, checked to start with "TID STAMP ". */
    private List<Matcher> printed(String tOption, Pattern line, Path journal) throws Exception {
        Path print = tmp.resolve("print" + tOption + ".txt");
        List<String> args = new ArrayList<>(List.of("run", "--no-rules", tOption, "--print", print.toString()));
        if (journal != null) args.addAll(List.of("--journal", journal.toString()));
        args.addAll(List.of(COMMAND));
        Out r = pdig(args);
        assertEquals(128 + 10, r.code(), "killed by SIGUSR1: " + r.stderr());
        List<Matcher> out = new ArrayList<>();
        for (String l : Files.readAllLines(print)) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), "'" + l + "' is not " + line);
            out.add(m);
        }
        List<String> rest = out.stream().map(m -> m.group("rest")).toList();
        assertTrue(rest.stream().anyMatch(x -> x.startsWith("execve(\"/bin/sh\"")), rest.toString());
        assertTrue(rest.stream().anyMatch(x -> x.startsWith("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER")), rest.toString());
        assertTrue(rest.contains("+++ killed by SIGUSR1 +++"), rest.toString());
        return out;
    }

    /** The instant of a local HH:MM:SS[.uuuuuu] in ZONE on the day of {@code near}, assumed within a day of it. */
    private static Instant local(String text, Instant near) {
        LocalDate day = LocalDate.ofInstant(near, ZONE);
        Instant at = LocalTime.parse(text).atDate(day).atZone(ZONE).toInstant();
        if (at.isAfter(near.plusSeconds(43200))) at = at.minusSeconds(86400);
        if (at.isBefore(near.minusSeconds(43200))) at = at.plusSeconds(86400);
        return at;
    }

    private static void assertWithin(Instant at, Instant from, Instant to, String what) {
        assertFalse(at.isBefore(from) || at.isAfter(to), what + " at " + at + " is not within the run, " + from + " to " + to);
    }

    @Test
    void ttStampsEveryLineWithLocalMicroseconds() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        Path journal = tmp.resolve("j");
        List<Matcher> lines = printed("-tt", Pattern.compile("(\\d+) (\\d\\d:\\d\\d:\\d\\d\\.\\d{6}) (?<rest>\\S.*)"), journal);
        Instant to = Instant.now().plusSeconds(1);
        for (Matcher m : lines) assertWithin(local(m.group(2), from), from, to, m.group());
        // dump prints the journal's events with the same stamps in the same place; --seq goes in front.
        Out dump = pdig(List.of("dump", "-tt", journal.toString()));
        assertEquals(0, dump.code(), dump.stderr());
        List<String> dumped = dump.stdout().lines().toList();
        for (Matcher m : lines) assertTrue(dumped.contains(m.group()), "dump -tt lacks '" + m.group() + "':\n" + dump.stdout());
        Out seq = pdig(List.of("dump", "--seq", "-tt", journal.toString()));
        assertTrue(seq.stdout().lines().anyMatch(l -> l.matches("\\d+ " + Pattern.quote(lines.get(lines.size() - 1).group()))),
                seq.stdout());
    }

    @Test
    void tStampsSecondsAndTttEpochMicroseconds() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        List<Matcher> seconds = printed("-t", Pattern.compile("(\\d+) (\\d\\d:\\d\\d:\\d\\d) (?<rest>[^0-9].*)"), null);
        List<Matcher> epoch = printed("-ttt", Pattern.compile("(\\d+) (\\d+)\\.(\\d{6}) (?<rest>\\S.*)"), null);
        Instant to = Instant.now().plusSeconds(1);
        for (Matcher m : seconds) assertWithin(local(m.group(2), from), from.minusSeconds(1), to, m.group());
        for (Matcher m : epoch) {
            Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) * 1000);
            assertWithin(at, from, to, m.group());
        }
    }

    @Test
    void stampsThatWouldGoNowhereAreUsageErrors() throws Exception {
        Out noPrint = pdig(List.of("run", "-tt", "--", "/bin/true"));
        assertEquals(2, noPrint.code(), noPrint.stderr());
        assertEquals("pdig: -t: only with --print (it stamps the printed lines) (see 'pdig run --help')", noPrint.stderr().strip());
        Out four = pdig(List.of("run", "-tttt", "--print", "-", "--", "/bin/true"));
        assertEquals(2, four.code(), four.stderr());
        assertEquals(1, four.stderr().strip().lines().count(), four.stderr());
        Out json = pdig(List.of("dump", "-t", "--json", tmp.toString()));
        assertEquals(2, json.code(), json.stderr());
        assertTrue(json.stderr().startsWith("pdig: -t: only for text lines"), json.stderr());
    }
}
