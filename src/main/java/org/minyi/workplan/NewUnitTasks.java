package org.minyi.workplan;

import org.minyi.org.UnitCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A unit created after a plan was published gets that plan's open items that apply to its kind. */
@Component
class NewUnitTasks {

	private final WorkPlans plans;

	NewUnitTasks(WorkPlans plans) {
		this.plans = plans;
	}

	@ApplicationModuleListener
	void on(UnitCreated created) {
		plans.assignOpenItems(created.unitId());
	}
}
