package org.minyi.outreach;

import org.minyi.platform.personal.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Households named in contact assignments and visits, re-sealed when the personal key is rotated. */
final class HouseholdSeals {

	private HouseholdSeals() {
	}

	@Component
	static class OfAssignments extends SealedColumns {

		OfAssignments(JdbcClient jdbc, JdbcTemplate batch) {
			super(jdbc, batch, "contact_assignment", "household_sealed");
		}
	}

	@Component
	static class OfVisits extends SealedColumns {

		OfVisits(JdbcClient jdbc, JdbcTemplate batch) {
			super(jdbc, batch, "visit", "household_sealed");
		}
	}
}
