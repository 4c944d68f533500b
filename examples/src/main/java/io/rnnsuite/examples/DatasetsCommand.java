package io.rnnsuite.examples;

import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn-suite datasets list}: what ships with the build, with licence and origin. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "The bundled datasets.",
        subcommands = DatasetsCommand.ListCommand.class)
public final class DatasetsCommand implements Runnable {

    @Override
    public void run() {
        new ListCommand().call();
    }

    /** Prints the registry as a table. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every bundled dataset: name, app, description, licence, origin.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--kind", paramLabel = "KIND",
                description = "Only this kind: ${COMPLETION-CANDIDATES} (default: all).")
        DatasetKind kind;

        @Option(names = "--markdown", description = "Print a markdown table (default: ${DEFAULT-VALUE}).")
        boolean markdown;

        @Override
        public Integer call() {
            List<DatasetInfo> entries = kind == null ? DatasetRegistry.all() : DatasetRegistry.ofKind(kind);
            MarkdownTable table = new MarkdownTable("name", "kind", "description", "licence", "origin");
            for (DatasetInfo d : entries) {
                table.row(d.name(), d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        d.description(), d.licence(), d.origin());
            }
            System.out.print(markdown ? table.toMarkdown() : table.toText());
            return 0;
        }
    }
}
