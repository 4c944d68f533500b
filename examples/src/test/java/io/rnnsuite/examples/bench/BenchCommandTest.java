package io.rnnsuite.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.examples.RnnSuiteCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rnn-suite bench} end to end: the parent, one child JVM, the table and the files. */
class BenchCommandTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        CommandLine commandLine = RnnSuiteCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err));
        try {
            PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            commandLine.setOut(new PrintWriter(capture, true));
            int code = commandLine.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void quickRunGivesPositiveFiguresForBothImplementations(@TempDir Path tmp) throws Exception {
        // the bidirectional case guards the output layer's data format (NWC by default after Bidirectional)
        Outcome outcome = run("bench", "--quick", "--cases", "tiny=lstm:4x5x3x4,tinybi=bilstm:4x3x2x6", "--threads", "1",
                "--sample-chars", "5", "--output", tmp.toString());
        assertEquals(0, outcome.code(), outcome.err() + outcome.out());

        BenchReport report = BenchReport.read(tmp.resolve("bench.json"));
        assertEquals(BenchReport.SCHEMA, report.schema());
        assertEquals("dl4j", report.framework());
        assertTrue(report.machine().cores() >= 1);
        assertEquals(0.0, report.settings().repeatSeconds(), "--quick times single calls");
        List<BenchResult> rows = report.results();
        assertEquals(List.of("tiny fast", "tiny stock", "tinybi fast", "tinybi stock"),
                rows.stream().map(r -> r.caseName() + " " + r.impl()).toList());
        for (BenchResult row : rows) {
            assertEquals(1, row.threads());
            assertNull(row.skipped());
            for (Double value : List.of(row.trainMs(), row.inferMs(), row.latencyMs(), row.trainSeqPerS(),
                    row.trainStepsPerS(), row.trainGflops(), row.peakGflops(), row.peakShare())) {
                assertTrue(value != null && value > 0 && Double.isFinite(value), row.impl() + ": " + row);
            }
            assertTrue(row.peakMemoryMib() >= 0, row.toString());
            // the rates follow from the median time
            assertEquals(4 / (row.trainMs() / 1000), row.trainSeqPerS(), 1e-9 * row.trainSeqPerS());
        }
        // the sampling case: charlm sample's path, the same network through rnnTimeStep, the stock layers
        assertEquals(List.of("fast", "fast-rnntimestep", "stock"),
                report.sampling().stream().map(SamplingBenchmark.SamplingResult::impl).toList());
        for (SamplingBenchmark.SamplingResult row : report.sampling()) {
            assertEquals(5, row.characters());
            assertEquals("lstm:1x5x108x128x2", row.spec());
            assertTrue(row.charsPerS() > 0 && Double.isFinite(row.charsPerS()), row.toString());
            assertEquals(1000 / row.charsPerS(), row.msPerChar(), 1e-9 * row.msPerChar());
        }
        String json = Files.readString(tmp.resolve("bench.json"));
        assertTrue(json.contains("\"chars_per_s\""), json);
        assertTrue(json.contains("\"train_ms\"") && json.contains("\"case_name\""), "snake_case schema: " + json);

        String markdown = Files.readString(tmp.resolve("bench.md"));
        assertTrue(markdown.contains("| tiny | lstm:4x5x3x4 | fast | 1 |"), markdown);
        assertTrue(markdown.contains("repeats 2 of at least 0.00 s each"), markdown);
        assertTrue(markdown.contains("| tiny | lstm:4x5x3x4 | stock | 1 |"), markdown);
        assertTrue(markdown.contains("| sample-charlm | lstm:1x5x108x128x2 | fast | 1 |"), markdown);
        assertTrue(outcome.out().contains("machine: "), outcome.out());
        assertTrue(outcome.out().lines().anyMatch(l -> l.startsWith("tiny") && l.contains("stock")), outcome.out());
    }

    @Test
    void listCasesAndUserErrors() {
        Outcome list = run("bench", "--list-cases", "--cases", "lstm-h128,x=gru:1x2x3x4");
        assertEquals(0, list.code(), list.err());
        assertEquals(List.of("lstm-h128=lstm:64x100x128x128", "x=gru:1x2x3x4"), list.out().lines().toList());

        Outcome badCase = run("bench", "--cases", "nope", "--output", "unused");
        assertEquals(2, badCase.code(), badCase.err());
        assertTrue(badCase.err().startsWith("error: unknown benchmark case 'nope'"), badCase.err());
        Outcome badImpl = run("bench", "--impls", "slow", "--cases", "lstm-h128");
        assertEquals(2, badImpl.code(), badImpl.err());
        assertTrue(badImpl.err().startsWith("error: unknown implementation 'slow'"), badImpl.err());
        Outcome badThreads = run("bench", "--threads", "0", "--cases", "lstm-h128");
        assertEquals(2, badThreads.code(), badThreads.err());
        Outcome badRepeat = run("bench", "--repeat-seconds", "-0.5", "--cases", "lstm-h128");
        assertEquals(2, badRepeat.code(), badRepeat.err());
        assertTrue(badRepeat.err().contains("--repeat-seconds"), badRepeat.err());
    }
}
