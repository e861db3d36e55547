package org.minyi.platform.personal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A table's sealed columns, re-sealed in batches of a thousand rows when the personal key is rotated.
 * A module declares one per table: {@code class FrameNumberSeals extends SealedColumns}. Table and
 * column names are the module's own constants, never user input.
 */
public class SealedColumns implements SealedStore {

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final String table;

	private final List<String> columns;

	protected SealedColumns(JdbcClient jdbc, JdbcTemplate batch, String table, String... columns) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.table = table;
		this.columns = List.of(columns);
	}

	@Override
	public String name() {
		return table;
	}

	@Override
	@Transactional
	public int reseal(PersonalData personalData) {
		int resealed = 0;
		for (String column : columns) {
			resealed += reseal(personalData, column);
		}
		return resealed;
	}

	private int reseal(PersonalData personalData, String column) {
		int resealed = 0;
		long after = 0;
		while (true) {
			record Row(long id, String sealed) {
			}
			List<Row> rows = jdbc.sql("select id, " + column + " from " + table + " where id > :after and " + column
					+ " is not null order by id limit :batch")
				.param("after", after)
				.param("batch", BATCH)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
				.list();
			if (rows.isEmpty()) {
				return resealed;
			}
			List<Object[]> updates = new ArrayList<>();
			for (Row row : rows) {
				String resealedValue = personalData.resealed(row.sealed());
				if (resealedValue != null) {
					updates.add(new Object[] { resealedValue, row.id() });
				}
			}
			batch.batchUpdate("update " + table + " set " + column + " = ? where id = ?", updates);
			resealed += updates.size();
			after = rows.get(rows.size() - 1).id();
		}
	}
}
