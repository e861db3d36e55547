package org.minyi.workplan;

import org.minyi.org.UnitKind;

/**
 * Which units an item reaches, besides units named one by one. Institutions (schools, hospitals,
 * enterprises) are reached through their parent: each gets its own task, which the parent unit
 * sees in its subtree.
 */
public enum TargetGroup {

	TOWNSHIPS(UnitKind.TOWNSHIP), DEPARTMENTS(UnitKind.DEPARTMENT), POLITICAL_LEGAL(UnitKind.POLITICAL_LEGAL),
	INSTITUTIONS(UnitKind.INSTITUTION);

	private final UnitKind kind;

	TargetGroup(UnitKind kind) {
		this.kind = kind;
	}

	public boolean includes(UnitKind unitKind) {
		return kind == unitKind;
	}

	public String messageKey() {
		return "workplan.target." + name();
	}
}
