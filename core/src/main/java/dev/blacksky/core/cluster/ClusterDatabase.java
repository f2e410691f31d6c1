package dev.blacksky.core.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The cluster's PostgreSQL database: a pool, and the schema migrated to this release's version at open. The front
 * door of the package: {@code ClusterDatabase.open(settings)}.
 */
public final class ClusterDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final HikariDataSource dataPool; // the accounts' journals and outboxes: a renewal never waits behind them
    private final ClusterSettings settings;

    private ClusterDatabase(HikariDataSource pool, HikariDataSource dataPool, ClusterSettings settings) {
        this.pool = pool;
        this.dataPool = dataPool;
        this.settings = settings;
    }

    /** Connects and migrates; throws {@link ClusterUnavailableException} saying what to check when it cannot. */
    public static ClusterDatabase open(ClusterSettings settings) {
        HikariDataSource pool = pool(settings, "blacksky-cluster");
        try {
            Flyway.configure(ClusterDatabase.class.getClassLoader()).dataSource(pool)
                    .locations("classpath:db/blacksky-cluster").table("blacksky_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new ClusterUnavailableException("Cannot prepare the cluster database " + settings.url() + " (blacksky.cluster.url): "
                    + rootMessage(e) + ". Check that PostgreSQL runs there and that user '" + settings.user()
                    + "' may create tables in it.", e);
        }
        return new ClusterDatabase(pool, pool(settings, "blacksky-cluster-data"), settings);
    }

    private static HikariDataSource pool(ClusterSettings settings, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName(name);
        config.setConnectionTimeout(Math.max(250, settings.statementTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, settings.statementTimeout().toMillis()));
        // The driver's own timeouts, so a database that stops answering fails a renewal instead of hanging it.
        long seconds = Math.max(1, settings.statementTimeout().toSeconds());
        config.addDataSourceProperty("socketTimeout", String.valueOf(seconds + 1));
        config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
        // A node frozen inside a transaction would hold its account's lease row (the fence reads it FOR SHARE) and
        // so keep every other node from taking the account over: the server ends such a transaction.
        long timeout = settings.statementTimeout().toMillis();
        config.addDataSourceProperty("options", "-c statement_timeout=" + timeout
                + " -c idle_in_transaction_session_timeout=" + timeout);
        config.addDataSourceProperty("ApplicationName", "blacksky " + settings.nodeId());
        config.setInitializationFailTimeout(-1); // fail in migrate(), with our message
        return new HikariDataSource(config);
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    Connection dataConnection() throws SQLException {
        return dataPool.getConnection();
    }

    ClusterSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataPool.close();
        pool.close();
    }

    /** The root cause's message, which is what names the problem. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
