package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent variants a comparison trains, before they meet an app: names such as
 * {@code simple_rnn}, {@code lstm}, {@code bigru}, and the settings they share.
 *
 * @param names         variant names, in order ({@link RecurrentSpec#parseVariant})
 * @param hidden        units per direction and layer; 0 = each app's own default width
 * @param layers        stacked layers
 * @param bidirectional make every variant bidirectional
 * @param dropout       dropout between stacked layers
 * @param impl          fast or stock layers
 */
public record Variants(List<String> names, int hidden, int layers, boolean bidirectional, double dropout, RecurrentImpl impl) {

    public Variants {
        if (names == null || names.isEmpty()) {
            throw new UserInputException("--cells names no cell type");
        }
        if (hidden < 0) {
            throw new UserInputException("--hidden must be at least 1 (or 0 for each app's default), got " + hidden);
        }
        names = List.copyOf(names);
        impl = impl == null ? RecurrentImpl.FAST : impl;
    }

    /** The specs, with {@code defaultHidden} where {@link #hidden()} is 0; a name repeated is trained once. */
    public List<RecurrentSpec> specs(int defaultHidden) {
        List<RecurrentSpec> specs = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new UserInputException("--cells has an empty entry: expected e.g. simple_rnn,lstm");
            }
            RecurrentSpec spec = RecurrentSpec.parseVariant(name, hidden > 0 ? hidden : defaultHidden, layers, bidirectional,
                    dropout, impl);
            if (!specs.contains(spec)) {
                specs.add(spec);
            }
        }
        return specs;
    }
}
