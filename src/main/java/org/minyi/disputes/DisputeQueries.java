package org.minyi.disputes;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The where clause of dispute lists and figures: filters, and the user's subtree. */
final class DisputeQueries {

	private DisputeQueries() {
	}

	static String where(Disputes.DisputeFilter filter, DataScope scope, MapSqlParameterSource params, UnitManagement units) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (filter.unitId() != null) {
			UnitView unit = units.findById(filter.unitId()).filter(u -> scope.covers(u.path()))
				.orElseThrow(() -> new RecordNotFoundException("unit", filter.unitId()));
			where.append(" and unit_id in (:units)");
			params.addValue("units", units.subtreeIds(DataScope.subtree(unit.id(), unit.path())));
		}
		else if (!scope.districtWide()) {
			where.append(" and unit_id in (:units)");
			params.addValue("units", units.subtreeIds(scope));
		}
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
