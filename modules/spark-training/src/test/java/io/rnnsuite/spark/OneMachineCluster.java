package io.rnnsuite.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine for tests: one master and {@code n} workers, each a
 * separate JVM bound to 127.0.0.1 on free ports, each worker offering one core and 1 GB. The
 * executors the workers start get their classes from the test class path. {@link #close} ends every
 * process it started and the executors below them.
 */
final class OneMachineCluster implements AutoCloseable {

    private final Path home;
    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    /** Starts the cluster; logs and work directories go under {@code dir}. On failure nothing is left running. */
    OneMachineCluster(Path dir, int workerCount) throws IOException, InterruptedException {
        this(dir, workerCount, List.of());
    }

    /**
     * Starts the cluster with {@code sparkJars} (a Spark installation's jars) in its Spark home's
     * {@code jars/}, where executors find Spark as on a real installation; without them, executors
     * get every class from {@code spark.executor.extraClassPath}.
     */
    OneMachineCluster(Path dir, int workerCount, List<Path> sparkJars) throws IOException, InterruptedException {
        home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        try (var old = Files.list(jars)) {
            for (Path link : old.toList()) {
                Files.delete(link);
            }
        }
        for (Path jar : sparkJars) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        masterPort = freePort();
        masterUiPort = freePort();
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort));
        try {
            for (int w = 0; w < workerCount; w++) {
                Path work = Files.createDirectories(dir.resolve("work-" + w));
                workers.add(start("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", "0", "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", "1g",
                        "--work-dir", work.toString(), url()));
            }
            awaitWorkers(workerCount, 90);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The cluster's Spark home (its {@code jars/} and {@code conf/}). */
    Path home() {
        return home;
    }

    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The class path the executors need: the test's. */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Kills worker {@code index} and the executors it started, as a machine that goes down would. */
    void killWorker(int index) throws InterruptedException {
        Process worker = workers.get(index);
        List<ProcessHandle> below = worker.descendants().toList();
        worker.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        worker.waitFor(10, TimeUnit.SECONDS);
    }

    /** Workers the master lists as alive. */
    int aliveWorkers() {
        try (InputStream in = new URL("http://127.0.0.1:" + masterUiPort + "/json/").openStream()) {
            Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void awaitWorkers(int count, int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (aliveWorkers() >= count) {
                return;
            }
            if (!master.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        throw new IOException("the one-machine cluster did not come up: " + aliveWorkers() + " of " + count
                + " workers alive after " + seconds + " s; logs in " + home.getParent());
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.addAll(Arrays.asList(System.getProperty("rnnsuite.spark.opens", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", testClassPath(), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.getParent().resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12"); // a bare SPARK_HOME: no build directories to read it from
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_NO_DAEMONIZE", "1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : workers) {
            all.addAll(p.descendants().toList()); // executors
            all.add(p.toHandle());
        }
        all.addAll(master.descendants().toList());
        all.add(master.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
