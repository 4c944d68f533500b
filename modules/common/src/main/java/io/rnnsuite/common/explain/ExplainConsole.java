package io.rnnsuite.common.explain;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What every {@code explain} command prints and how its page names a model. */
public final class ExplainConsole {

    /** Units listed on the console: the page has them all. */
    static final int UNITS_SHOWN = 3;

    private ExplainConsole() {
    }

    /** A model as an explain page names it: its name and its directory's, {@code lstm (europarl-lstm)}. */
    public static String modelLabel(String modelName, Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return modelName + " (" + (name == null ? dir : name) + ")";
    }

    /**
     * The units that follow a property most closely ({@code units} is strongest first), one line
     * each, then the files written.
     */
    public static void printSummary(PrintWriter out, List<UnitFinding> units, Path page, Path json) {
        for (UnitFinding f : units.subList(0, Math.min(UNITS_SHOWN, units.size()))) {
            out.printf(Locale.ROOT, "layer %d %s unit %d follows %s (r = %.3f)%n", f.layer(), f.state(), f.unit(), f.property(),
                    f.correlation());
        }
        out.println("wrote " + page + " and " + json);
        out.flush();
    }
}
