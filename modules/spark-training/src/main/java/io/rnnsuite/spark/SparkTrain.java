package io.rnnsuite.spark;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.ExitCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point for {@code spark-submit}: {@code APP train [OPTIONS]} of any app on the class
 * path, as {@code rnn-suite APP train} takes them. When {@code --spark} is not given, the master
 * spark-submit was given ({@code --master}) is used.
 *
 * <pre>spark-submit --master spark://host:7077 --class io.rnnsuite.spark.SparkTrain rnn-suite-spark-app.jar \
 *     charlm train --text corpus.txt --workers 4 --averaging-frequency 5 --output-dir models/charlm</pre>
 */
public final class SparkTrain {

    private SparkTrain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        if (args.length < 2 || !args[1].equals("train")) {
            System.err.println("error: expected APP train [OPTIONS], e.g. charlm train --text corpus.txt --workers 4");
            return ExitCodes.USER_ERROR;
        }
        AppModule app;
        try {
            app = Apps.named(args[0]);
        } catch (UserInputException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USER_ERROR;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        String submitted = System.getProperty("spark.master");
        if (submitted != null && rest.stream().noneMatch(a -> a.equals("--spark") || a.startsWith("--spark="))) {
            rest.addAll(List.of("--spark", submitted));
        }
        return CliErrors.install(app.command()).execute(rest.toArray(String[]::new));
    }
}
