package org.minyi.outreach;

import org.minyi.platform.personal.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Residents' names and phones on citizen requests, re-sealed when the personal key is rotated. */
@Component
class RequestContactSeals extends SealedColumns {

	RequestContactSeals(JdbcClient jdbc, JdbcTemplate batch) {
		super(jdbc, batch, "citizen_request", "contact_name_sealed", "contact_phone_sealed");
	}
}
