package org.minyi.notices;

import java.util.Objects;

/**
 * Why a user is told about something, declared by the module the thing belongs to. The name is
 * stored with each notice and setting, so it is unique across modules and never changes; the texts
 * are {@code <module>.notice.<name>} (the notice, with the event's arguments) and
 * {@code <module>.notice.kind.<name>} (the kind, in the settings).
 *
 * @param module the declaring module, the first part of the message keys
 * @param emailByDefault whether users receive it by e-mail until they choose otherwise
 */
public record NoticeKind(String module, String name, Audience audience, boolean emailByDefault) {

	/** Who receives notices of a kind. */
	public enum Audience {

		/** The district's administrators. */
		DISTRICT,
		/**
		 * The officers of the unit concerned or, for a unit without its own (a community), of the
		 * nearest unit above it that has some.
		 */
		UNIT,
		/** The district's administrators and the leaders of the unit concerned (an escalation). */
		DISTRICT_AND_UNIT_LEADERS;

		boolean reaches(String roleName) {
			return switch (this) {
				case DISTRICT -> "DISTRICT_ADMIN".equals(roleName);
				case UNIT -> "UNIT_OFFICER".equals(roleName);
				case DISTRICT_AND_UNIT_LEADERS -> "DISTRICT_ADMIN".equals(roleName) || "LEADER".equals(roleName);
			};
		}
	}

	public NoticeKind {
		Objects.requireNonNull(module);
		Objects.requireNonNull(audience);
		if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,39}")) {
			throw new IllegalArgumentException("A notice kind's name is upper case, at most 40 characters: " + name);
		}
	}

	/** Whether users of the role receive notices of this kind. */
	public boolean reaches(String roleName) {
		return audience.reaches(roleName);
	}

	public String messageKey() {
		return module + ".notice." + name;
	}

	/** The kind's own name, in the settings. */
	public String labelKey() {
		return module + ".notice.kind." + name;
	}
}
