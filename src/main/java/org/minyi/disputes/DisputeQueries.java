package org.minyi.disputes;

import org.minyi.org.UnitManagement;
import org.minyi.platform.Where;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The where clause of dispute lists and figures: filters, and the user's subtree. */
final class DisputeQueries {

	private DisputeQueries() {
	}

	static String where(Disputes.DisputeFilter filter, DataScope scope, MapSqlParameterSource params, UnitManagement units) {
		return new Where(params).in("unit_id", units.visibleUnits(filter.unitId(), scope))
			.equal("status", filter.status())
			.equal("dispute_type", filter.type())
			.equal("risk", filter.risk())
			.when(filter.highRiskOpen(), "risk = 'HIGH' and status in ('RECEIVED', 'MEDIATING', 'AGREED', 'PARTIALLY_AGREED')")
			.sql();
	}
}
