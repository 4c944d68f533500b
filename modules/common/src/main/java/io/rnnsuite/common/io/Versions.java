package io.rnnsuite.common.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Library and runtime versions for run.json. */
public final class Versions {

    private Versions() {
    }

    /** rnn-suite, DL4J, Java and OS versions as seen at run time. */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("rnn-suite", orUnknown(Versions.class.getPackage().getImplementationVersion(), "0.1.0-SNAPSHOT"));
        versions.put("deeplearning4j", orUnknown(MultiLayerNetwork.class.getPackage().getImplementationVersion(), "1.0.0-M2.1"));
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return versions;
    }

    private static String orUnknown(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
