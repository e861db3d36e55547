package org.minyi.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few places that use a database's own strength
 * (PostgreSQL's COPY and SKIP LOCKED) and fall back to portable SQL on embedded H2 (ADR 0002).
 */
@Component
public class Database {

	private final DataSource dataSource;

	private volatile Boolean embedded;

	Database(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Embedded H2: one application node by definition. */
	public boolean embedded() {
		if (embedded == null) {
			try (Connection connection = dataSource.getConnection()) {
				embedded = "H2".equals(connection.getMetaData().getDatabaseProductName());
			}
			catch (SQLException e) {
				throw new IllegalStateException("cannot read the database product", e);
			}
		}
		return embedded;
	}
}
