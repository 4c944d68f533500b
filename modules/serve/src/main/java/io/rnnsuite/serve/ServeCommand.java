package io.rnnsuite.serve;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.DurationConverter;
import io.rnnsuite.common.cli.Ranges;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnn-suite serve}: loads every model directory under {@code --models} and serves the
 * playground pages and the JSON API until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = ServeBenchCommand.class,
        description = {"A local web playground and JSON API over every model directory under --models and the reports"
                + " under --reports: sample from a char-LM as it writes, autocomplete, see which words sway a classifier,"
                + " watch attention while a sentence translates, move a forecast's horizon.",
                "No authentication: it listens on 127.0.0.1 unless --host says otherwise."})
public final class ServeCommand implements Runnable {

    static final String LOOPBACK = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Directory whose subdirectories are model directories (the --output-dir of APP train runs)"
                    + " (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory of reports to browse, served as they are (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--port", converter = Ranges.ZeroOrMore.class, paramLabel = "N", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = LOOPBACK,
            description = "Address to listen on; anything but a loopback address exposes the playground, which has no"
                    + " authentication, to the network (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--workers", converter = Ranges.AtLeastOne.class, paramLabel = "N", defaultValue = "4",
            description = "Requests answered at once; each model answers one at a time (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--max-body", converter = Ranges.AtLeastOne.class, paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body; a larger one is refused with 413 (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--max-audio-bytes", converter = Ranges.AtLeastOne.class, paramLabel = "BYTES", defaultValue = "4194304",
            description = "Largest uploaded WAV file for speech models; a larger one is refused with 413 (default: ${DEFAULT-VALUE}).")
    int maxAudioBytes;

    @Option(names = "--max-audio-seconds", converter = Ranges.Positive.class, paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest recording a speech model is given (or the model's own --max-seconds when shorter); "
                    + "a longer one is refused with 413 (default: ${DEFAULT-VALUE}).")
    double maxAudioSeconds;

    @Option(names = "--model-wait", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long a request waits for a model busy with another; then 503 (default: ${DEFAULT-VALUE}).")
    Duration modelWait;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PlaygroundServer server = start(out, System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /** Loads the models, warns about what it skipped and about a non-loopback host, and starts the server. */
    PlaygroundServer start(PrintWriter out, PrintStream err) {
        if (workers < 1 || workers > 256) {
            throw new UserInputException("--workers must be between 1 and 256, got " + workers);
        }
        if (maxBody < 1024) {
            throw new UserInputException("--max-body must be at least 1024 bytes, got " + maxBody);
        }
        if (maxAudioBytes < 1024) {
            throw new UserInputException("--max-audio-bytes must be at least 1024 bytes, got " + maxAudioBytes);
        }
        if (!(maxAudioSeconds > 0 && maxAudioSeconds <= 600)) {
            throw new UserInputException("--max-audio-seconds must be above 0 and at most 600, got " + maxAudioSeconds);
        }
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be between 0 and 65535, got " + port);
        }
        if (!isLoopback(host)) {
            err.println("warning: --host " + host + " makes the playground reachable from other machines; it has no"
                    + " authentication, so anyone who can reach it can use the models and read the reports");
        }
        ModelCatalog catalog = ModelCatalog.load(models, line -> err.println("warning: " + line));
        if (catalog.all().isEmpty()) {
            err.println("warning: no model directories under " + models + "; train one into it, e.g. scripts/rnn-suite"
                    + " forecast train --dataset airpassengers --output-dir " + models.resolve("air-lstm"));
        }
        PlaygroundServer server = PlaygroundServer.start(catalog, reports, host, port, workers,
                ServeLimits.defaults().withMaxBodyBytes(maxBody).withModelWait(modelWait)
                        .withAudio(maxAudioBytes, maxAudioSeconds), err);
        out.println("serving " + catalog.all().size() + " model(s) from " + models + " and the reports in " + reports
                + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/  (Ctrl-C stops)");
        out.flush();
        return server;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserInputException("--host '" + host + "' is not an address of this machine");
        }
    }
}
