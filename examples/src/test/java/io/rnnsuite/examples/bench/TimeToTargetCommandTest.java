package io.rnnsuite.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.io.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn-suite bench time-to-target} on a tiny text: the target, the split files and the report. */
class TimeToTargetCommandTest {

    private static Path tinyText(Path dir) throws Exception {
        Random random = new Random(3);
        String[] words = {"the ", "cat ", "sat ", "on ", "a ", "mat. "};
        StringBuilder text = new StringBuilder();
        while (text.length() < 6000) {
            text.append(words[random.nextInt(words.length)]);
        }
        return Files.writeString(dir.resolve("tiny.txt"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aLooseTargetIsReachedAtTheFirstValidationAndTheSplitIsWrittenForPyTorch(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        BenchCommandTest.Outcome o = BenchCommandTest.run("bench", "time-to-target", "--text", tinyText(tmp).toString(),
                "--hidden", "8", "--target-bpc", "20", "--validate-every", "2", "--output-dir", out.toString());
        assertEquals(0, o.code(), o.err() + o.out());
        assertTrue(o.out().contains("DL4J fast layers: target reached in "), o.out());
        JsonNode report = Json.MAPPER.readTree(out.resolve("time-to-target.json").toFile());
        assertTrue(report.get("dl4j_fast").get("reached").asBoolean());
        // 6,000 characters make one minibatch of 32 × 100 a pass: validated after each pass, not after 2
        assertEquals(1, report.get("validate_every_minibatches").asInt());
        assertEquals(1, report.get("dl4j_fast").get("minibatches_to_target").asInt());
        // where the seconds went: the one minibatch and the one validation pass, nothing after them
        JsonNode breakdown = report.get("dl4j_fast").get("breakdown");
        assertTrue(breakdown.get("first_minibatch_seconds").asDouble() > 0, breakdown.toString());
        assertEquals(breakdown.get("first_minibatch_seconds").asDouble(),
                breakdown.get("first_interval_minibatches_seconds").asDouble(), 1e-12);
        assertTrue(breakdown.get("first_validation_seconds").asDouble() > 0, breakdown.toString());
        assertTrue(breakdown.get("later_minibatch_median_seconds").isNull(), breakdown.toString());
        assertTrue(o.out().contains("  first minibatch "), o.out());
        JsonNode split = Json.MAPPER.readTree(out.resolve("split.json").toFile());
        assertEquals(8, split.get("hidden").asInt());
        assertEquals(2, split.get("layers").asInt());
        assertEquals(20 * Math.log(2), split.get("target_nats").asDouble(), 1e-9);
        // the training indices as little-endian int32, each a symbol of the vocabulary
        byte[] bytes = Files.readAllBytes(out.resolve("train.i32"));
        assertTrue(bytes.length > 4000 * 4, "the training part of the text: " + bytes.length + " bytes");
        ByteBuffer ints = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int vocabulary = split.get("vocabulary_size").asInt();
        for (int i = 0; i < bytes.length / 4; i++) {
            int symbol = ints.getInt();
            assertTrue(symbol >= 0 && symbol < vocabulary, "symbol " + symbol + " at " + i);
        }
    }

    @Test
    void anUnreachableTargetStopsAtTheBudgetAndSaysSo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        BenchCommandTest.Outcome o = BenchCommandTest.run("bench", "time-to-target", "--text", tinyText(tmp).toString(),
                "--hidden", "8", "--target-bpc", "0.001", "--validate-every", "2", "--budget", "2s", "--output-dir", out.toString());
        assertEquals(0, o.code(), o.err() + o.out());
        assertTrue(o.out().contains("DL4J fast layers: target not reached in "), o.out());
        JsonNode report = Json.MAPPER.readTree(out.resolve("time-to-target.json").toFile());
        assertTrue(!report.get("dl4j_fast").get("reached").asBoolean());
    }

    @Test
    void thePyTorchSideTrainsOnTheSameSplitWhereTorchIsInstalled(@TempDir Path tmp) throws Exception {
        // off by default (importing torch and training costs ~15 s): -Drnnsuite.python=/path/to/venv/bin/python
        String property = System.getProperty("rnnsuite.python", "");
        assumeTrue(!property.isEmpty(), "set -Drnnsuite.python=PATH (a Python with torch) to train the PyTorch side too");
        Path python = Path.of(property);
        assumeTrue(Files.isExecutable(python) && Files.isRegularFile(Path.of("..", TimeToTargetCommand.SCRIPT)),
                python + " is not executable or " + TimeToTargetCommand.SCRIPT + " is missing");
        Path out = tmp.resolve("report");
        Path script = Path.of("..", TimeToTargetCommand.SCRIPT).toAbsolutePath().normalize();
        BenchCommandTest.Outcome o = BenchCommandTest.run("bench", "time-to-target", "--text", tinyText(tmp).toString(),
                "--hidden", "8", "--target-bpc", "20", "--validate-every", "2", "--output-dir", out.toString(),
                "--python", python.toString(), "--script", script.toString());
        assertEquals(0, o.code(), o.err() + o.out());
        JsonNode torch = Json.MAPPER.readTree(out.resolve("time-to-target.json").toFile()).get("pytorch");
        assertTrue(torch.get("reached").asBoolean(), torch.toString());
        assertEquals(1, torch.get("minibatches_to_target").asInt());
        assertTrue(torch.get("breakdown").get("first_minibatch_seconds").asDouble() > 0, torch.toString());
        assertTrue(o.out().contains("PyTorch / DL4J time to target: "), o.out());
    }
}
