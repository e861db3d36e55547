package org.minyi.fieldwork;

import org.minyi.platform.personal.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sealed telephone numbers of the sample frames, re-sealed when the personal key is rotated. */
@Component
class FrameNumberSeals extends SealedColumns {

	FrameNumberSeals(JdbcClient jdbc, JdbcTemplate batch) {
		super(jdbc, batch, "frame_number", "phone_sealed");
	}
}
