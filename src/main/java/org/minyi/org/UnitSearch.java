package org.minyi.org;

/** Filters of the unit list; every field optional. */
public record UnitSearch(String text, UnitKind kind, Boolean active) {

	public static UnitSearch all() {
		return new UnitSearch(null, null, null);
	}
}
