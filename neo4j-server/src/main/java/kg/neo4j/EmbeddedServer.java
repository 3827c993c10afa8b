package kg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A Neo4j Community DBMS, embedded, with its Bolt connector listening on a
 * loopback port and authentication on. For the kg project's tests and local
 * development; started and stopped by scripts/neo4j-server.
 *
 * <p>Options (each falls back to an environment variable, then a default):
 * <pre>
 *   --home DIR        KG_NEO4J_HOME       .neo4j       DBMS home (data/, logs/ under it)
 *   --port N          KG_NEO4J_PORT       7688         Bolt port
 *   --host ADDR       KG_NEO4J_HOST       127.0.0.1    Bolt listen address
 *   --password PW     KG_NEO4J_PASSWORD   kg-test-password
 *   --pagecache SIZE  KG_NEO4J_PAGECACHE  128m         page cache (k/m/g suffix)
 * </pre>
 * Prefer the environment variable for the password: arguments show in ps.
 *
 * <p>Once Bolt is up and the password of user {@code neo4j} is set (with no
 * change required at first login), it writes {@code HOME/ready} and prints a
 * line starting with {@code KG_NEO4J_READY}. On SIGTERM or SIGINT a shutdown
 * hook removes the marker and shuts the DBMS down cleanly.
 */
public final class EmbeddedServer {

    private static final String USER = "neo4j";

    private EmbeddedServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts;
        try {
            opts = parseArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kg-neo4j-server: " + e.getMessage());
            System.err.println("usage: EmbeddedServer [--home DIR] [--port N] [--host ADDR] "
                    + "[--password PW] [--pagecache SIZE]");
            System.exit(2);
            return;
        }
        Path home = Path.of(option(opts, "home", "KG_NEO4J_HOME", ".neo4j")).toAbsolutePath().normalize();
        String host = option(opts, "host", "KG_NEO4J_HOST", "127.0.0.1");
        String password = option(opts, "password", "KG_NEO4J_PASSWORD", "kg-test-password");
        long pageCache;
        int port;
        try {
            port = Integer.parseInt(option(opts, "port", "KG_NEO4J_PORT", "7688"));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            pageCache = parseSize(option(opts, "pagecache", "KG_NEO4J_PAGECACHE", "128m"));
        } catch (IllegalArgumentException e) {
            System.err.println("kg-neo4j-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (password.length() < 8) {
            System.err.println("kg-neo4j-server: the password must have at least 8 characters");
            System.exit(2);
            return;
        }

        Files.createDirectories(home);
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);

        long t0 = System.nanoTime();
        log("starting Neo4j " + neo4jVersion() + " in " + home + ", Bolt on " + host + ":" + port);

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Bolt waits 5 s + 5 s at shutdown by default; 1 s each is plenty here.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable e) {
            System.err.println("kg-neo4j-server: the DBMS failed to start: " + rootMessage(e));
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shutDown = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (shutDown.compareAndSet(false, true)) {
                log("shutting down");
                try {
                    Files.deleteIfExists(ready);
                } catch (IOException ignored) {
                    // best effort
                }
                try {
                    service.shutdown();
                    log("stopped");
                } catch (Throwable e) {
                    System.err.println("kg-neo4j-server: error during shutdown: " + rootMessage(e));
                }
            }
            stopped.countDown();
        }, "kg-neo4j-shutdown"));

        try {
            setPassword(service, password);
        } catch (Throwable e) {
            System.err.println("kg-neo4j-server: could not set the password of user neo4j: " + rootMessage(e));
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook
            return;
        }

        Path tmp = home.resolve("ready.tmp");
        Files.writeString(tmp, "bolt://" + host + ":" + port + "\n" + ProcessHandle.current().pid() + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        log("KG_NEO4J_READY bolt://" + host + ":" + port + " (user neo4j, started in " + ms + " ms, pid "
                + ProcessHandle.current().pid() + ")");

        stopped.await();
    }

    /**
     * Sets the password of user neo4j so that no change is required at first
     * login. Idempotent: on a restart with the same password Neo4j refuses
     * "the same password" and the user is already in the wanted state.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
            log("password of user neo4j set (change not required)");
        } catch (RuntimeException e) {
            String msg = String.valueOf(rootMessage(e)).toLowerCase();
            if (!msg.contains("same")) {
                throw e;
            }
            // Same password as before: make sure no change is required.
            boolean changeRequired;
            try (Transaction tx = system.beginTx();
                    Result r = tx.execute("SHOW USERS YIELD user, passwordChangeRequired "
                            + "WHERE user = $user RETURN passwordChangeRequired", Map.of("user", USER))) {
                changeRequired = r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired"));
            }
            if (changeRequired) {
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
            }
            log("password of user neo4j unchanged (already set)");
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                value = args[++i];
            }
            switch (key) {
                case "home", "port", "host", "password", "pagecache" -> out.put(key, value);
                default -> throw new IllegalArgumentException("unknown option: --" + key);
            }
        }
        return out;
    }

    private static String option(Map<String, String> opts, String key, String env, String dflt) {
        String v = opts.get(key);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? dflt : v;
    }

    private static long parseSize(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k")) {
            mult = 1024L;
        } else if (t.endsWith("m")) {
            mult = 1024L * 1024;
        } else if (t.endsWith("g")) {
            mult = 1024L * 1024 * 1024;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.trim()) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size: " + s);
        }
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementServiceBuilder.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                sb.append(" / ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    private static void log(String msg) {
        System.out.println("kg-neo4j-server: " + msg);
        System.out.flush();
    }
}
