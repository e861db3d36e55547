package org.minyi.survey;

/** How responses are collected in a round. */
public enum Mode {

	CATI, WEB, FACE_TO_FACE;

	public String messageKey() {
		return "round.mode." + name();
	}
}
