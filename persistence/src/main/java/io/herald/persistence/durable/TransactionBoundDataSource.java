package io.herald.persistence.durable;

import io.micronaut.data.connection.ConnectionOperations;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands db-scheduler the connection of the current Herald transaction when there is one, so that work is
 * scheduled atomically with the state change that calls for it; closing it is left to the transaction.
 * Outside a transaction (db-scheduler's own polling and bookkeeping) it hands out pool connections.
 */
final class TransactionBoundDataSource implements DataSource {

    private final DataSource pool;
    private final ConnectionOperations<Connection> connections;

    TransactionBoundDataSource(DataSource pool, ConnectionOperations<Connection> connections) {
        this.pool = pool;
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var current = connections.findConnectionStatus();
        if (current.isEmpty()) {
            return pool.getConnection();
        }
        Connection connection = current.get().getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the pool configuration");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
