package org.minyi.org;

import java.util.Comparator;
import java.util.List;

/** A unit with its children, for tree views. */
public record UnitNode(UnitView unit, List<UnitNode> children) {

	private static final Comparator<UnitNode> ORDER = Comparator.comparing((UnitNode n) -> n.unit().kind())
		.thenComparing(n -> n.unit().code());

	void sortChildren() {
		children.sort(ORDER);
	}
}
