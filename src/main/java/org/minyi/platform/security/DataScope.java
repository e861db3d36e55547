package org.minyi.platform.security;

import java.util.Objects;

/**
 * Which part of the organisation tree a user may see. District-wide roles see everything;
 * any other user sees the subtree of their own unit. Units carry a materialised path such as
 * {@code /1/5/23/}; a unit is in scope when its path starts with the scope's path.
 * Modules apply the scope as a bound query predicate, never as spliced SQL.
 */
public record DataScope(boolean districtWide, long unitId, String unitPath) {

	private static final DataScope WHOLE_DISTRICT = new DataScope(true, 0, "/");

	public DataScope {
		Objects.requireNonNull(unitPath, "unitPath");
	}

	public static DataScope districtWide(long unitId, String unitPath) {
		return new DataScope(true, unitId, unitPath);
	}

	/** Everything, for work not done on behalf of one user: imports, seeding, lookups across units. */
	public static DataScope wholeDistrict() {
		return WHOLE_DISTRICT;
	}

	public static DataScope subtree(long unitId, String unitPath) {
		return new DataScope(false, unitId, unitPath);
	}

	/** True when a unit with this materialised path may be seen. */
	public boolean covers(String path) {
		return districtWide || (path != null && path.startsWith(unitPath));
	}

	/** Prefix for a {@code path LIKE :prefix} predicate; matches every unit when district-wide. */
	public String pathPrefix() {
		return districtWide ? "/" : unitPath;
	}
}
