package io.rnnsuite.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files a request may name, confined to one root: decoded path segments that are empty (an
 * absolute path), {@code .}, {@code ..}, or hold a separator or NUL name nothing; neither does a
 * path whose real location (symbolic links followed) lies outside the root's. What is not found
 * and what is refused look the same to the client: a 404.
 */
final class ConfinedFiles {

    private final Path root;
    private final Path realRoot;

    ConfinedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = Files.exists(this.root) ? this.root.toRealPath() : this.root;
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    Path root() {
        return root;
    }

    /** The regular file that {@code segments} name under the root, or empty. */
    Optional<Path> file(List<String> segments) {
        return resolve(segments).filter(p -> Files.isRegularFile(p));
    }

    /** The existing file or directory that {@code segments} name under the root (its real path), or empty. */
    Optional<Path> resolve(List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (!safeName(segment)) {
                return Optional.empty();
            }
        }
        Path candidate = root.resolve(String.join("/", segments)).normalize();
        if (!candidate.startsWith(root) || !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code path} (an existing file or directory) really lies inside the root, links followed. */
    boolean contains(Path path) {
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean safeName(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..") && segment.indexOf('/') < 0
                && segment.indexOf('\\') < 0 && segment.indexOf('\0') < 0 && segment.indexOf(':') < 0;
    }
}
