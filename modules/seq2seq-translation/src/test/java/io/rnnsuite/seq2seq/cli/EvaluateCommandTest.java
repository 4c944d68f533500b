package io.rnnsuite.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.cli.CliErrors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code translate evaluate} draws the attention heat map for attention models only. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void attentionModelGetsAHeatMapPng() throws IOException {
        Path model = train(true);
        String out = run("evaluate", "--model", model.toString());
        Path png = model.resolve("attention-heatmap.png");
        assertTrue(out.contains("attention heat map of 3 test sentences written to " + png), out);
        assertTrue(Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 3 * 220 && image.getHeight() > 200, image.getWidth() + "x" + image.getHeight());

        Path elsewhere = dir.resolve("figures").resolve("map.png");
        Files.createDirectories(elsewhere.getParent());
        run("evaluate", "--model", model.toString(), "--heat-map", elsewhere.toString());
        assertTrue(Files.size(elsewhere) > 0);
    }

    @Test
    void modelWithoutAttentionGetsNone() throws IOException {
        Path model = train(false);
        String out = run("evaluate", "--model", model.toString());
        assertFalse(out.contains("heat map"), out);
        assertFalse(Files.exists(model.resolve("attention-heatmap.png")));
    }

    private Path train(boolean attention) {
        Path model = dir.resolve(attention ? "att" : "plain");
        String[] args = {"train", "--dataset", "numbers-en-fr", "--pairs-count", "60", "--max-length", "30", "--hidden", "4",
                "--epochs", "1", "--max-batches", "2", "--output-dir", model.toString()};
        if (attention) {
            args = java.util.Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = "--attention";
        }
        run(args);
        return model;
    }

    /** Runs a command, returns its standard output, and fails on a non-zero exit code. */
    private String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = CliErrors.install(new CommandLine(new TranslateCommand()));
            commandLine.setErr(new PrintWriter(err, true));
            assertEquals(0, commandLine.execute(args), err.toString());
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
