package io.rnnsuite.datasets;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every bundled dataset, by name. Each catalog class contributes its entries here; loading a
 * resource checks its SHA-256 so a changed or truncated file is reported, not trained on.
 */
public final class DatasetRegistry {

    private static final List<DatasetInfo> ENTRIES;

    static {
        List<DatasetInfo> all = new ArrayList<>();
        all.addAll(TimeSeriesCatalog.entries());
        // text-classification corpora: add their catalog here
        all.addAll(TextCatalog.entries());
        all.addAll(CharCorpusCatalog.entries()); // char-lm corpora
        // translation pairs: add their catalog here
        all.addAll(TranslationCatalog.entries());
        all.addAll(SpeechCatalog.entries()); // speech-recognition: generated or installed audio, never bundled
        ENTRIES = Collections.unmodifiableList(all);
    }

    private DatasetRegistry() {
    }

    public static List<DatasetInfo> all() {
        return ENTRIES;
    }

    public static List<DatasetInfo> ofKind(DatasetKind kind) {
        return ENTRIES.stream().filter(d -> d.kind() == kind).toList();
    }

    /**
     * The dataset called {@code name} of the given kind.
     *
     * @throws UserInputException naming the datasets of that kind when there is none
     */
    public static DatasetInfo get(String name, DatasetKind kind) {
        return ENTRIES.stream()
                .filter(d -> d.kind() == kind && d.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new UserInputException("unknown dataset '" + name + "': expected one of "
                        + ofKind(kind).stream().map(DatasetInfo::name).collect(Collectors.joining(", "))));
    }

    /**
     * The resource bytes of {@code info}, after checking their SHA-256 against the registry.
     *
     * @throws IllegalStateException if the resource is missing or its checksum differs (a broken build)
     */
    public static byte[] readVerified(DatasetInfo info) {
        if (info.resource() == null) {
            throw new IllegalArgumentException(info.name() + " is generated in code, it has no resource");
        }
        byte[] bytes;
        try (InputStream in = DatasetRegistry.class.getClassLoader().getResourceAsStream(info.resource())) {
            if (in == null) {
                throw new IllegalStateException("dataset " + info.name() + ": resource " + info.resource()
                        + " is not on the class path (was the build completed?)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + info.name(), e);
        }
        if (info.sha256() != null) {
            String actual = Checksums.sha256(bytes);
            if (!actual.equals(info.sha256())) {
                throw new IllegalStateException("dataset " + info.name() + ": SHA-256 " + actual
                        + " differs from the registry's " + info.sha256() + " (resource " + info.resource() + " changed)");
            }
        }
        return bytes;
    }
}
