package org.minyi.platform;

import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The where clause of a list or its figures, from the filters a user chose: each filter that is set
 * adds a condition on a column named in code, its value a bind parameter (never text spliced in).
 * Filters left empty add nothing.
 */
public final class Where {

	private final StringBuilder sql = new StringBuilder(" where 1 = 1");

	private final MapSqlParameterSource params;

	private int bound;

	/** @param params receives the filters' values, under names of its own ({@code w1}, {@code w2} …) */
	public Where(MapSqlParameterSource params) {
		this.params = params;
	}

	/** {@code column = value} when the value is set; an enum is compared by its name. */
	public Where equal(String column, Object value) {
		return value == null ? this : condition(column + " = ", value, false);
	}

	/** {@code column in (values)} when there are values to keep to (none: every row, as for the whole district). */
	public Where in(String column, Optional<? extends Collection<?>> values) {
		return values.isEmpty() ? this : condition(column + " in ", values.get(), true);
	}

	/** {@code column >= value} when the value is set. */
	public Where atLeast(String column, Object value) {
		return value == null ? this : condition(column + " >= ", value, false);
	}

	/** {@code column < value} when the value is set. */
	public Where before(String column, Object value) {
		return value == null ? this : condition(column + " < ", value, false);
	}

	/** A fixed condition when it applies; any parameter it names the caller binds. */
	public Where when(boolean applies, String condition) {
		if (applies) {
			sql.append(" and ").append(condition);
		}
		return this;
	}

	/** The clause, starting with {@code " where"}. */
	public String sql() {
		return sql.toString();
	}

	private Where condition(String comparison, Object value, boolean list) {
		String name = "w" + ++bound;
		sql.append(" and ").append(comparison).append(list ? "(:" + name + ")" : ":" + name);
		params.addValue(name, value instanceof Enum<?> constant ? constant.name() : value);
		return this;
	}
}
