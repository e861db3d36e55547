package org.minyi.workplan;

/** The parts of the seed plan an item belongs to. */
public enum PlanSection {

	DEPLOYMENT, FOCUS, SAFEGUARDS;

	public String messageKey() {
		return "workplan.section." + name();
	}
}
