package org.minyi.disputes;

import org.minyi.platform.personal.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names and phones of dispute parties, re-sealed when the personal key is rotated. */
@Component
class PartySeals extends SealedColumns {

	PartySeals(JdbcClient jdbc, JdbcTemplate batch) {
		super(jdbc, batch, "dispute_party", "name_sealed", "phone_sealed");
	}
}
