package org.dataembassy.portal.shared;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the H2 connection pool recover from a database that H2 closed under it (a full disk), on every path: every
 * connection of the closed database leaves the pool at its first "closed" answer ({@link ClosedDatabaseEviction}
 * with the pool), and when a new connection still finds the file locked by a database H2 lost track of, the pool's
 * connections — that database's — are evicted too, so it closes and the next connection opens the file again.
 * Without this, H2OutOfSpaceIT once saw the pool stay at one connection with "The file is locked" for every new one,
 * and a replication job that needs a second connection never finished (engineering notes, "Connections and
 * resources"). PostgreSQL pools are left as configured.
 */
@Component
public class ClosedDatabasePoolRecovery implements BeanPostProcessor {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ClosedDatabasePoolRecovery.class);

    @java.lang.Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    /** Configures {@code pool} (not yet started) when it opens H2 through its JDBC URL; otherwise leaves it as it is. */
    public static void apply(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:h2:") || pool.getDataSource() != null
                || pool.getHikariPoolMXBean() != null) {
            return;
        }
        Runnable evictAll = () -> {
            HikariPoolMXBean running = pool.getHikariPoolMXBean();
            if (running != null) {
                running.softEvictConnections();
            }
        };
        pool.setExceptionOverride(new ClosedDatabaseEviction(evictAll));
        pool.setDataSource(new Opening(new DriverDataSource(url, pool.getDriverClassName(),
                pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword()), evictAll));
    }

    /** Opens connections as the pool would; when the file is locked, evicts the pool's connections first. */
    private record Opening(DataSource driver, Runnable evictAll) implements DataSource {

        @java.lang.Override
        public Connection getConnection() throws SQLException {
            try {
                return driver.getConnection();
            } catch (SQLException e) {
                throw locked(e);
            }
        }

        @java.lang.Override
        public Connection getConnection(String username, String password) throws SQLException {
            try {
                return driver.getConnection(username, password);
            } catch (SQLException e) {
                throw locked(e);
            }
        }

        private SQLException locked(SQLException e) {
            if (ClosedDatabaseEviction.fileLocked(e)) {
                log.warn("the H2 file is locked by a database H2 no longer knows of: evicting the pool's connections,"
                        + " so it closes and the file can be opened again");
                evictAll.run();
            }
            return e;
        }

        @java.lang.Override
        public PrintWriter getLogWriter() throws SQLException {
            return driver.getLogWriter();
        }

        @java.lang.Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            driver.setLogWriter(out);
        }

        @java.lang.Override
        public void setLoginTimeout(int seconds) throws SQLException {
            driver.setLoginTimeout(seconds);
        }

        @java.lang.Override
        public int getLoginTimeout() throws SQLException {
            return driver.getLoginTimeout();
        }

        @java.lang.Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }

        @java.lang.Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return driver.unwrap(type);
        }

        @java.lang.Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return driver.isWrapperFor(type);
        }
    }
}
