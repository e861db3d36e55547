package org.minyi.disputes;

/** Who mediates: a people's mediation committee, an administrative body, or a court. */
public enum MediationType {

	PEOPLES, ADMINISTRATIVE, JUDICIAL;

	public String messageKey() {
		return "disputes.mediation." + name();
	}
}
