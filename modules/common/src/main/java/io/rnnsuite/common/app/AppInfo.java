package io.rnnsuite.common.app;

/**
 * How an app is named.
 *
 * @param command     its subcommand and {@code compare --apps} key ({@code classify})
 * @param id          the name recorded in {@code run.json} and checked when a model directory is opened
 *                    ({@code text-classification})
 * @param title       a heading ({@code Text classification})
 * @param description one line for {@code --help}
 */
public record AppInfo(String command, String id, String title, String description) {

    public AppInfo {
        if (command == null || !command.matches("[a-z][a-z0-9-]*") || id == null || id.isBlank()) {
            throw new IllegalArgumentException("an app needs a lower-case command name and an id, got " + command + " / " + id);
        }
    }
}
