package org.minyi.outreach;

import org.minyi.platform.personal.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Special-group members' names, identity numbers, phones and addresses, re-sealed when the personal key is rotated. */
@Component
class MemberSeals extends SealedColumns {

	MemberSeals(JdbcClient jdbc, JdbcTemplate batch) {
		super(jdbc, batch, "special_group_member", "name_sealed", "id_sealed", "phone_sealed", "address_sealed");
	}
}
