package org.minyi.platform.personal;

/** The masked forms of personal values shown in lists and exports (phone numbers mask themselves: {@link PhoneNumber#masked()}). */
public final class Masks {

	private Masks() {
	}

	/** The first character (the family name) and a star for each other, at most three: enough to greet the person. */
	public static String name(String name) {
		return name.substring(0, 1) + "*".repeat(Math.min(name.length() - 1, 3));
	}
}
