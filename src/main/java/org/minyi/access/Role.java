package org.minyi.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of Minyi. Every account has exactly one. The system admin, security admin and auditor
 * never read business data, and each of them manages only what the separation allows.
 */
public enum Role {

	SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR, DISTRICT_ADMIN, UNIT_OFFICER, SURVEY_SUPERVISOR, INTERVIEWER, LEADER;

	/** Spring Security authority, e.g. {@code ROLE_DISTRICT_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether the role sees the whole district; otherwise only the subtree of the user's unit. */
	public boolean districtWide() {
		return this != UNIT_OFFICER;
	}

	/**
	 * The roles whose accounts this role may create and manage. The system admin sets up the
	 * other two of the three (security admin and auditor); the security admin manages all the
	 * rest. Nobody manages an account of their own role, so no one can widen their own powers.
	 */
	public Set<Role> manageableRoles() {
		return switch (this) {
			case SYSTEM_ADMIN -> EnumSet.of(SECURITY_ADMIN, AUDITOR);
			case SECURITY_ADMIN -> EnumSet.of(SYSTEM_ADMIN, DISTRICT_ADMIN, UNIT_OFFICER, SURVEY_SUPERVISOR, INTERVIEWER, LEADER);
			default -> EnumSet.noneOf(Role.class);
		};
	}

	public String messageKey() {
		return "role." + name();
	}
}
