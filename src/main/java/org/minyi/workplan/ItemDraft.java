package org.minyi.workplan;

import java.time.LocalDate;
import java.util.Set;

/**
 * A plan item as written: what to do, by when, with what evidence, for which units.
 *
 * @param targetUnits units named one by one, besides the groups
 */
public record ItemDraft(PlanSection section, String title, String description, LocalDate dueDate, ExpectedEvidence evidence,
		Set<TargetGroup> targetGroups, Set<Long> targetUnits) {

	public ItemDraft {
		targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
		targetUnits = targetUnits == null ? Set.of() : Set.copyOf(targetUnits);
	}
}
