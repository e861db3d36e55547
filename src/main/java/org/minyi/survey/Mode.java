package org.minyi.survey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How responses are collected in a round. */
public enum Mode {

	CATI, WEB, FACE_TO_FACE;

	/** Modes as stored: comma-separated names, empty for none. */
	static Set<Mode> parse(String stored) {
		return stored == null || stored.isBlank() ? EnumSet.noneOf(Mode.class)
				: Arrays.stream(stored.split(",")).map(Mode::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Mode.class)));
	}

	public String messageKey() {
		return "round.mode." + name();
	}
}
