package io.rnnsuite.examples.compare;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.ModelCompareSection;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.DirectoryLock;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.serve.ModelCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The models a compare run keeps ({@code --keep-models DIR}): the first seed's model of every app
 * and cell as an ordinary model directory under {@code DIR/APP/CELL} (or {@code DIR/APP/DATASET/CELL}),
 * written by {@link ModelCompareSection#keepingModels}; and, for apps with an {@code explain} verb
 * (the char-LM), the page that shows what each kept model's cells do, written beside the report.
 */
final class KeptModels {

    /** What the option takes to keep nothing. */
    static final String NONE = "none";
    /** The default, under the directory {@code rnn-suite serve} reads by default. */
    static final Path DEFAULT = Path.of("models", "compare");
    /** Characters of text the explain pages read: a short passage keeps them cheap. */
    static final int EXPLAIN_LENGTH = 500;
    /** The playground's address with its default flags. */
    static final String PLAYGROUND = "http://127.0.0.1:8080";

    /**
     * One kept model.
     *
     * @param label     its path under the app's directory ({@code lstm}, {@code co2/lstm})
     * @param dir       the model directory
     * @param served    its name in {@code rnn-suite serve --models SERVE_ROOT}
     * @param explain   its explain page, or {@code null}
     * @param explainError why the explain page could not be written, or {@code null}
     */
    record Model(String label, Path dir, String served, Path explain, String explainError) {
    }

    private final Path root;

    private KeptModels(Path root) {
        this.root = root;
    }

    /**
     * The keeper for {@code --keep-models}, or {@code null} for {@code none}. Creates and locks the
     * directory for the rest of the run and removes what an interrupted run left half-made in it.
     */
    static KeptModels open(Path option) {
        if (option.toString().equals(NONE)) {
            return null;
        }
        try {
            Files.createDirectories(option);
        } catch (IOException e) {
            throw new UserInputException("cannot create the --keep-models directory " + option + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(option)) {
            throw new UserInputException("the --keep-models directory " + option + " is not writable");
        }
        try {
            DirectoryLock.holdUntilExit(option, "rnn-suite compare");
        } catch (UserInputException e) {
            throw new UserInputException(e.getMessage().replace("--output-dir", "--keep-models"));
        }
        try (Stream<Path> list = Files.list(option)) {
            for (Path leftover : list.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(ModelCompareSection.STAGING_PREFIX) || name.startsWith(ModelCompareSection.REPLACED_PREFIX);
            }).toList()) {
                deleteTree(leftover);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot tidy the --keep-models directory " + option + " (" + e.getMessage() + ")");
        }
        return new KeptModels(option);
    }

    Path root() {
        return root;
    }

    /** The root {@code rnn-suite serve --models} is best started with: {@code models} for the default, else the root itself. */
    Path serveRoot() {
        return root.normalize().equals(DEFAULT) ? root.normalize().getParent() : root;
    }

    /**
     * The models kept for {@code app} (in name order), each app with an {@code explain} verb given
     * its explain page in {@code reportDir} ({@code explain-CELL.html}); a failed explain is noted, not fatal.
     */
    List<Model> collect(AppModule app, String sectionName, Path reportDir, PrintStream warnings) throws IOException {
        Path appDir = root.resolve(sectionName);
        List<Path> dirs = new ArrayList<>();
        if (Files.isDirectory(appDir)) {
            try (Stream<Path> walk = Files.walk(appDir, 3)) {
                walk.filter(d -> Files.isRegularFile(d.resolve(ModelDirectory.RUN_FILE))).sorted().forEach(dirs::add);
            }
        }
        CommandLine explain = app == null ? null : app.command().getSubcommands().get("explain");
        List<Model> models = new ArrayList<>();
        for (Path dir : dirs) {
            String label = appDir.relativize(dir).toString().replace('\\', '/');
            String served = ModelCatalog.nameOf(serveRoot(), dir);
            Path page = null;
            String error = null;
            if (explain != null) {
                page = reportDir.resolve("explain-" + label.replace('/', '-') + ".html");
                error = explain(app, dir, simpleRnnBeside(dir), page);
                if (error != null) {
                    warnings.println(sectionName + ": no explain page for " + dir + ": " + error);
                    page = null;
                }
            }
            models.add(new Model(label, dir, served, page, error));
        }
        return models;
    }

    /** The kept SimpleRnn beside {@code dir}, whose hidden-unit saturation the explain page draws for comparison. */
    private static Path simpleRnnBeside(Path dir) {
        Path other = dir.resolveSibling("simple_rnn");
        return !other.equals(dir) && Files.isRegularFile(other.resolve(ModelDirectory.RUN_FILE)) ? other : null;
    }

    /** Runs {@code APP explain} on {@code dir}; the error line when it fails, else {@code null}. */
    private static String explain(AppModule app, Path dir, Path compareWith, Path page) {
        CommandLine line = CliErrors.install(app.command());
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("explain", "--model", dir.toString(), "--output", page.toString()));
        CommandLine verb = line.getSubcommands().get("explain");
        if (verb.getCommandSpec().findOption("--length") != null) {
            args.addAll(List.of("--length", Integer.toString(EXPLAIN_LENGTH)));
        }
        if (compareWith != null && verb.getCommandSpec().findOption("--compare-with") != null) {
            args.addAll(List.of("--compare-with", compareWith.toString()));
        }
        int code = line.execute(args.toArray(String[]::new));
        return code == 0 ? null : err.toString().strip().replaceFirst("^error: ", "");
    }

    /** How to use the kept models, for the page: one paragraph. */
    String howToServe(String command) {
        return "The first seed's model of each cell is kept as a model directory under " + root.resolve(command)
                + " (what '" + command + " train' writes): use one with 'scripts/rnn-suite " + command
                + " predict --model DIR', or serve them all with 'scripts/rnn-suite serve --models " + serveRoot()
                + "' and open " + PLAYGROUND + "/ (a second compare into the same directory replaces them).";
    }

    /** The links of one app's kept models, from a page in {@code pageDir}: text → address. */
    static Map<String, String> links(List<Model> models, Path pageDir) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Model m : models) {
            links.put(m.label() + ": " + m.dir() + " (its report)", relative(pageDir, m.dir().resolve(ModelDirectory.REPORT_FILE)));
            links.put(m.label() + " in the playground", PLAYGROUND + "/models/" + encode(m.served()));
            if (m.explain() != null) {
                links.put(m.label() + ": what its cells do (explain page)", relative(pageDir, m.explain()));
            }
        }
        return links;
    }

    /** {@code file} as a relative address from a page in {@code pageDir}, each segment percent-encoded. */
    static String relative(Path pageDir, Path file) {
        Path relative = pageDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(encode(p.toString())));
        return String.join("/", parts);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
