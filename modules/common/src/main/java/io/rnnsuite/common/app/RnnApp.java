package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The contract every recurrent-network app implements once: load data, train a network built from
 * the app's configuration and a {@link RecurrentSpec}, evaluate it beside baselines, save and load
 * it, predict. The train run, the compare run, the {@code train / evaluate / predict / compare}
 * commands, the run record and the model directory are written once against it, in this package.
 *
 * <p>Register an implementation in {@code META-INF/services/io.rnnsuite.common.app.AppModule}.
 *
 * @param <C> the app's configuration: a record (saved as {@code app-config.json}) that includes
 *            where the data comes from, the recurrent spec and the training settings
 * @param <D> the loaded data, split into train / validation / test
 * @param <M> a trained model: the network and whatever predicting needs
 */
public interface RnnApp<C, D, M> extends AppModule {

    /** A fresh object holding the app's own flags (see {@link AppOptions}). */
    AppOptions<C> newOptions();

    /** The configuration on the app's default data; {@code quick} = the small version for smoke runs. */
    C defaults(boolean quick);

    /**
     * What {@code rnn-suite compare} trains on: one configuration per dataset (forecasting has
     * several series); by default {@link #defaults(boolean)} alone.
     */
    default List<C> compareConfigs(boolean quick) {
        return List.of(defaults(quick));
    }

    Class<C> configType();

    /** The recurrent part of {@code config} (from {@link AppConfig#recurrent()} when the config implements it). */
    default RecurrentSpec spec(C config) {
        return asAppConfig(config).recurrent();
    }

    /** The training settings of {@code config} (from {@link AppConfig#training()} when the config implements it). */
    default TrainingConfig training(C config) {
        return asAppConfig(config).training();
    }

    /** The configuration with another recurrent part and training settings ({@link AppConfig#with} when implemented). */
    default C with(C config, RecurrentSpec spec, TrainingConfig training) {
        return asAppConfig(config).with(spec, training);
    }

    @SuppressWarnings("unchecked")
    private static <C> AppConfig<C> asAppConfig(C config) {
        if (config instanceof AppConfig<?> typed) {
            return (AppConfig<C>) typed;
        }
        throw new IllegalStateException(config.getClass().getSimpleName()
                + " does not implement AppConfig: implement it, or override spec / training / with");
    }

    /** Why this app cannot train {@code spec} (a language model cannot read backwards), or empty. */
    default Optional<String> unsupported(RecurrentSpec spec) {
        return Optional.empty();
    }

    /** Reads and splits the data that {@code config} names; a user's bad file is a {@link io.rnnsuite.common.UserInputException}. */
    D load(C config);

    /** The data's name, source, SHA-256 and sizes. */
    DataSummary describe(C config, D data);

    /** Builds the network from {@code config} and trains it (through {@link io.rnnsuite.common.train.Trainer}). */
    Trained<M> train(C config, D data, TrainContext context);

    /** Scores {@code model} on the test split. */
    Evaluation evaluate(M model, D data);

    /** The app's baselines, fitted on the training split and scored on the test split like the model. */
    List<Evaluation> baselines(C config, D data);

    /** The metric models are ranked by. */
    Metric primaryMetric();

    /**
     * Writes what predicting needs beside {@code model.zip} (which the trainer wrote): vocabulary,
     * normaliser, plots. {@code app-config.json}, {@code run.json}, {@code report.md} and
     * {@code results.json} are written by the train run.
     */
    void save(M model, ModelDirectory dir) throws IOException;

    /** Loads a model that {@link #save} and the trainer wrote, with the configuration it was trained with. */
    M load(C config, ModelDirectory dir);

    /**
     * Answers {@code inputs} (texts to classify or translate, primes to continue; forecasting takes
     * none and forecasts past the end of its series), one printable block per answer.
     */
    List<String> predict(M model, List<String> inputs);

    /** What {@code predict} reads (for its help): {@code TEXT}, {@code SENTENCE}. */
    default String predictInput() {
        return "TEXT";
    }

    /**
     * The test metric by input length (text length, source length, position in the sequence,
     * forecast step), for the compare page's by-length plot; {@code null} if the app has none.
     * Use fixed bucket edges, so that the buckets of different seeds line up.
     */
    default LengthBreakdown byLength(M model, D data) {
        return null;
    }

    /** A paragraph for the compare page: data, split, what the metric means. */
    String setup(C config, DataSummary data);

    /** Plots and texts the compare section adds for these trained models (a confusion matrix, samples). */
    default CompareExtras compareExtras(C config, D data, List<CompareRun.Compared<M>> models, Path dir) throws IOException {
        return CompareExtras.NONE;
    }

    /** App-specific verbs beside {@code train / evaluate / predict / compare} (picocli command objects). */
    default List<Object> extraCommands() {
        return List.of();
    }

    @Override
    default CommandLine command() {
        return AppCommands.of(this);
    }

    @Override
    default CompareSection compareSection() {
        return new ModelCompareSection<>(this);
    }
}
