package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Traditional Chinese README quotes only commands that the English README has, word for word
 * (comments after {@code #} aside), so the two cannot drift apart; and the English one links to it.
 */
class TranslatedReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern INLINE_COMMAND = Pattern.compile("`((?:scripts/rnn-suite|\\./mvnw) [^`]+)`");

    /** Every command line of a README: fenced lines and inline code that starts like a command, comments dropped. */
    static Set<String> commands(String markdown) {
        Set<String> commands = new LinkedHashSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                String command = normalise(line);
                if (!command.isEmpty()) {
                    commands.add(command);
                }
            } else {
                Matcher inline = INLINE_COMMAND.matcher(line);
                while (inline.find()) {
                    commands.add(normalise(inline.group(1)));
                }
            }
        }
        return commands;
    }

    /** The command without a trailing {@code # comment}, whitespace collapsed. */
    static String normalise(String line) {
        int hash = line.indexOf(" #");
        String command = hash >= 0 ? line.substring(0, hash) : line;
        return command.trim().replaceAll("\\s+", " ");
    }

    @Test
    void everyCommandInTheChineseReadmeIsInTheEnglishOne() throws IOException {
        String english = Files.readString(ROOT.resolve("README.md"));
        String chinese = Files.readString(ROOT.resolve("README.zh-Hant.md"));
        Set<String> englishCommands = commands(english);
        Set<String> quoted = commands(chinese);
        assertTrue(quoted.size() >= 10, "the Chinese README quotes the quick start and the command tour: " + quoted);
        assertTrue(quoted.contains("./mvnw -B -q package -DskipTests && scripts/rnn-suite compare --quick"), quoted.toString());
        List<String> missing = new ArrayList<>();
        for (String command : quoted) {
            if (!englishCommands.contains(command)) {
                missing.add(command);
            }
        }
        assertTrue(missing.isEmpty(), "commands in README.zh-Hant.md that README.md does not have: " + missing);
        String top = String.join("\n", english.lines().limit(4).toList());
        assertTrue(top.contains("(README.zh-Hant.md)"), "README.md links to the Chinese guide at its top: " + top);
    }

    @Test
    void aChangedCommandIsCaught() {
        Set<String> english = commands("```\nscripts/rnn-suite lab gradients   # gradient norms\n```\n");
        Set<String> drifted = commands("```\nscripts/rnn-suite lab gradients --length 25   # 梯度\n```\n");
        assertTrue(english.contains("scripts/rnn-suite lab gradients"), english.toString());
        assertTrue(!english.containsAll(drifted), "a flag added in one README only is a difference");
    }
}
