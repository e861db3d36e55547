package org.minyi.org;

import java.util.EnumSet;
import java.util.Set;

/** What a unit is; each kind may only hang under certain kinds of parent. */
public enum UnitKind {

	DISTRICT, TOWNSHIP, COMMUNITY, DEPARTMENT, POLITICAL_LEGAL, INSTITUTION;

	/** Kinds a unit of this kind may be placed under; empty for the root. */
	public Set<UnitKind> allowedParents() {
		return switch (this) {
			case DISTRICT -> EnumSet.noneOf(UnitKind.class);
			case TOWNSHIP, DEPARTMENT, POLITICAL_LEGAL -> EnumSet.of(DISTRICT);
			case COMMUNITY -> EnumSet.of(TOWNSHIP);
			case INSTITUTION -> EnumSet.of(TOWNSHIP, COMMUNITY, DEPARTMENT, POLITICAL_LEGAL);
		};
	}

	public boolean acceptsParent(UnitKind parent) {
		return allowedParents().contains(parent);
	}

	public String messageKey() {
		return "unit.kind." + name();
	}
}
