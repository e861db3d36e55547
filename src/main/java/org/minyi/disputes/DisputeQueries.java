package org.minyi.disputes;

import org.minyi.org.UnitManagement;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The where clause of dispute lists and figures: filters, and the user's subtree. */
final class DisputeQueries {

	private DisputeQueries() {
	}

	static String where(Disputes.DisputeFilter filter, DataScope scope, MapSqlParameterSource params, UnitManagement units) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		units.visibleUnits(filter.unitId(), scope).ifPresent(ids -> {
			where.append(" and unit_id in (:units)");
			params.addValue("units", ids);
		});
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.addValue("status", filter.status().name());
		}
		if (filter.type() != null) {
			where.append(" and dispute_type = :type");
			params.addValue("type", filter.type().name());
		}
		if (filter.risk() != null) {
			where.append(" and risk = :risk");
			params.addValue("risk", filter.risk().name());
		}
		if (filter.highRiskOpen()) {
			where.append(" and risk = 'HIGH' and status in ('RECEIVED', 'MEDIATING', 'AGREED', 'PARTIALLY_AGREED')");
		}
		return where.toString();
	}
}
