package org.minyi.notices;

import java.util.Optional;
import java.util.Set;

/**
 * A module's domain event that concerns users: it may announce a notice, and it may show earlier
 * notices about the same page dealt with (a submitted task no longer needs the "overdue" reminder),
 * which are then settled — marked read for everyone, so the list stays a to-do list. The notice
 * centre listens to every event implementing this; the event's own record components are what is
 * stored in the event publication registry, so these are computed methods, not components.
 */
public interface NoticeEvent {

	/** The page of the thing the event is about, a path in the app: the notice's link. */
	String link();

	/** The notice to send, if any. */
	default Optional<Announcement> announcement() {
		return Optional.empty();
	}

	/** The kinds of earlier notices about {@link #link()} that this event shows dealt with. */
	default Set<NoticeKind> settles() {
		return Set.of();
	}
}
