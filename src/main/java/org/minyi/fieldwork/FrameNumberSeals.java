package org.minyi.fieldwork;

import java.util.ArrayList;
import java.util.List;

import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.SealedStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sealed telephone numbers of the sample frames, re-sealed in batches when the personal key is rotated. */
@Component
class FrameNumberSeals implements SealedStore {

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	FrameNumberSeals(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public String name() {
		return "frame_number";
	}

	@Override
	@Transactional
	public int reseal(PersonalData personalData) {
		int resealed = 0;
		long after = 0;
		while (true) {
			record Row(long id, String sealed) {
			}
			List<Row> rows = jdbc.sql("select id, phone_sealed from frame_number where id > :after order by id limit :batch")
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
			batch.batchUpdate("update frame_number set phone_sealed = ? where id = ?", updates);
			resealed += updates.size();
			after = rows.get(rows.size() - 1).id();
		}
	}
}
