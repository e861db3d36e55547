package org.minyi.notices;

import java.util.List;
import java.util.Objects;

/**
 * A notice to send about an event.
 *
 * @param unitId the unit concerned: its officers or leaders receive unit kinds (unused by district kinds)
 * @param key names the thing and the occasion (e.g. {@code request:12:v3:2026-12-01}); a notice of the
 *        same kind and key is sent only once, however many nodes or retries announce it
 * @param arguments fill the kind's message; {@link #UNIT_NAME} among them is the unit's name
 */
public record Announcement(NoticeKind kind, Long unitId, String key, List<String> arguments) {

	/**
	 * Stands among the arguments for the name of the unit concerned, which the centre fills in when
	 * it sends the notice: events carry the unit's id, not its name (a NUL, which no stored text holds).
	 */
	public static final String UNIT_NAME = "\u0000unit";

	public Announcement {
		Objects.requireNonNull(kind);
		Objects.requireNonNull(key);
		arguments = List.copyOf(arguments);
	}
}
