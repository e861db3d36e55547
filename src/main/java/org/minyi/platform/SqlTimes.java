package org.minyi.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reading and binding {@code timestamp with time zone} columns the same way on H2 and
 * PostgreSQL: read as {@link OffsetDateTime}, bind as {@link Timestamp}.
 */
public final class SqlTimes {

	private SqlTimes() {
	}

	/** The column's instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	public static Timestamp bind(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
