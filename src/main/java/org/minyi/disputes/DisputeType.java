package org.minyi.disputes;

/** What a dispute is about. */
public enum DisputeType {

	NEIGHBOUR, FAMILY, LAND, LABOUR, PROPERTY_MANAGEMENT, TRAFFIC_ACCIDENT, MEDICAL, OTHER;

	public String messageKey() {
		return "disputes.type." + name();
	}
}
