package io.herald.bootstrap.support;

import io.herald.testsupport.SharedPostgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Direct reads of the test database, for what the API does not show (row counts, job tables). */
public final class Sql {

    private Sql() {
    }

    public static long count(String query, Object... parameters) {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             var statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    public static String text(String query, Object... parameters) {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             var statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Writes what a test needs to find in the database (a row left by an earlier failure, say). */
    public static int update(String statementText, Object... parameters) {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             var statement = connection.prepareStatement(statementText)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statementText, e);
        }
    }
}
