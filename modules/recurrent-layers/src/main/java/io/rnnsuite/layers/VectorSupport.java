package io.rnnsuite.layers;

/**
 * Chooses the float kernels: the JDK Vector API ones when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the test runner do), plain Java
 * otherwise. {@code -Drnnsuite.vector=false} forces plain Java.
 */
final class VectorSupport {

    private static final Pointwise FLOAT_POINTWISE = choose();

    private VectorSupport() {
    }

    static Pointwise floatPointwise() {
        return FLOAT_POINTWISE;
    }

    /** Whether the float kernels are the vectorised ones. */
    static boolean vectorised() {
        return FLOAT_POINTWISE != ScalarPointwise.INSTANCE;
    }

    private static Pointwise choose() {
        if (!Boolean.parseBoolean(System.getProperty("rnnsuite.vector", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return ScalarPointwise.INSTANCE;
        }
        try {
            // loaded by name so that a JVM without the module never links the class
            return (Pointwise) Class.forName("io.rnnsuite.layers.VectorPointwise")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarPointwise.INSTANCE;
        }
    }
}
