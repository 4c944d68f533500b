package io.rnnsuite.common.app;

import io.rnnsuite.common.UserInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The apps on the classpath, found through {@link ServiceLoader}. */
public final class Apps {

    private Apps() {
    }

    /** Every registered app, in {@link AppModule#order()} then name order. */
    public static List<AppModule> all() {
        List<AppModule> apps = new ArrayList<>();
        ServiceLoader.load(AppModule.class).forEach(apps::add);
        apps.sort(Comparator.comparingInt(AppModule::order).thenComparing(a -> a.info().command()));
        return apps;
    }

    /** The app whose command is {@code name}; a user error naming the choices otherwise. */
    public static AppModule named(String name) {
        List<AppModule> apps = all();
        String key = name == null ? "" : name.trim();
        return apps.stream().filter(a -> a.info().command().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown app '" + name + "': expected one of "
                        + String.join(", ", apps.stream().map(a -> a.info().command()).toList())));
    }
}
