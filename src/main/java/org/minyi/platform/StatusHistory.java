package org.minyi.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minyi.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history of a case file (a task, a citizen request, a dispute): one row per step in the
 * module's own table — who, when, which step, the status after it, the comment — and any columns of
 * the module's own (the unit a request went to, the resident's satisfaction). Each module keeps its
 * table; the shape of writing and reading it is this one class. Table and column names come from
 * the module's code, never from input.
 *
 * @param <S> the case's status enum
 */
public final class StatusHistory<S extends Enum<S>> {

	/**
	 * A step of the case.
	 *
	 * @param details the module's own columns by name (null where the step gave none)
	 */
	public record Entry<S>(Instant at, String actor, String action, S status, String comment, Map<String, Object> details) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Class<S> statuses;

	private final String table;

	private final String subjectColumn;

	private final List<String> detailColumns;

	/**
	 * @param subjectColumn the column holding the case's id
	 * @param detailColumns the module's own columns, in the order {@link #record} takes their values
	 */
	public StatusHistory(JdbcClient jdbc, Clock clock, Class<S> statuses, String table, String subjectColumn, String... detailColumns) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.statuses = statuses;
		this.table = table;
		this.subjectColumn = subjectColumn;
		this.detailColumns = List.of(detailColumns);
	}

	/** Records a step by the current user (none for the system's own steps); {@code details} in the order of the columns. */
	public void record(long subjectId, String action, S status, String comment, Object... details) {
		if (details.length != detailColumns.size()) {
			throw new IllegalArgumentException("Expected values for " + detailColumns + ", got " + Arrays.toString(details));
		}
		StringBuilder columns = new StringBuilder(subjectColumn + ", occurred_at, actor, action, status, comment");
		StringBuilder values = new StringBuilder(":subject, :at, :actor, :action, :status, :comment");
		detailColumns.forEach(column -> {
			columns.append(", ").append(column);
			values.append(", :").append(column);
		});
		JdbcClient.StatementSpec insert = jdbc.sql("insert into " + table + " (" + columns + ") values (" + values + ")")
			.param("subject", subjectId)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("actor", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.param("action", action)
			.param("status", status.name())
			.param("comment", comment);
		for (int i = 0; i < details.length; i++) {
			insert = insert.param(detailColumns.get(i), details[i] instanceof Enum<?> value ? value.name() : details[i]);
		}
		insert.update();
	}

	/** The case's steps, oldest first. */
	public List<Entry<S>> of(long subjectId) {
		return jdbc.sql("select * from " + table + " where " + subjectColumn + " = :subject order by id")
			.param("subject", subjectId)
			.query((rs, n) -> {
				Map<String, Object> details = new LinkedHashMap<>();
				for (String column : detailColumns) {
					details.put(column, rs.getObject(column));
				}
				return new Entry<>(SqlTimes.instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("action"),
						Enum.valueOf(statuses, rs.getString("status")), rs.getString("comment"), details);
			})
			.list();
	}
}
