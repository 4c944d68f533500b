package io.rnnsuite.spark;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --spark} master URL, checked before Spark sees it: {@code local[N]} (N worker threads in
 * this JVM) or {@code spark://host:port[,host:port...]} (a standalone cluster, with standby masters).
 * Anything else, and a standalone master nothing answers at, is a one-line user error.
 *
 * @param url        the URL as Spark takes it
 * @param threads    N of {@code local[N]}, or empty for a cluster
 * @param addresses  the standalone masters' addresses (empty for local)
 */
public record SparkMaster(String url, OptionalInt threads, List<InetSocketAddress> addresses) {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+)]");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:]+]):(\\d{1,5})");

    /** Parses {@code text}; a user error naming the accepted forms otherwise. */
    public static SparkMaster parse(String text) {
        String url = text == null ? "" : text.trim();
        if (url.equals("local")) {
            return new SparkMaster("local[1]", OptionalInt.of(1), List.of());
        }
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            int n = parseCount(local.group(1), url);
            return new SparkMaster(url, OptionalInt.of(n), List.of());
        }
        if (url.startsWith("spark://")) {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String part : url.substring("spark://".length()).split(",", -1)) {
                Matcher hp = HOST_PORT.matcher(part);
                int port = hp.matches() ? Integer.parseInt(hp.group(2)) : -1;
                if (port < 1 || port > 65535) {
                    throw malformed(url, "'" + part + "' is not host:port (the standalone master's port is usually 7077)");
                }
                String host = hp.group(1).replace("[", "").replace("]", "");
                addresses.add(InetSocketAddress.createUnresolved(host, port));
            }
            return new SparkMaster(url, OptionalInt.empty(), List.copyOf(addresses));
        }
        throw malformed(url, "expected local[N] (N threads here) or spark://host:port (a standalone cluster's master)");
    }

    private static int parseCount(String digits, String url) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw malformed(url, "N of local[N] must be a count of at least 1");
    }

    private static UserInputException malformed(String url, String why) {
        return new UserInputException("--spark '" + url + "': " + why);
    }

    /** True for {@code local[N]}. */
    public boolean local() {
        return threads.isPresent();
    }

    /** True when every master is on this machine's loopback interface. */
    public boolean loopback() {
        return local() || addresses.stream().allMatch(a -> a.getHostString().equals("localhost")
                || a.getHostString().startsWith("127.") || a.getHostString().equals("::1"));
    }

    /**
     * Checks that some standalone master accepts a TCP connection within {@code timeoutMillis} each;
     * a one-line user error naming every address otherwise. Local masters pass.
     */
    public void checkReachable(int timeoutMillis) {
        if (local()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress unresolved : addresses) {
            InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
            if (address.isUnresolved()) {
                failures.add(unresolved.getHostString() + ": unknown host");
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, timeoutMillis);
                return;
            } catch (IOException e) {
                failures.add(unresolved.getHostString() + ":" + unresolved.getPort() + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new UserInputException("--spark " + url + ": cannot reach the master (" + String.join("; ", failures)
                + "); is it running? (start it with sbin/start-master.sh)");
    }
}
