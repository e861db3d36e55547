package org.minyi;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice centre hears events after their transaction commits, on another thread (ADR 0016): a
 * test that checks notices waits until every event published so far has been handled by it, as
 * the event publication registry records. A publication the centre failed on stays incomplete, and
 * the wait fails.
 */
public final class NoticesDelivered {

	private NoticesDelivered() {
	}

	public static void await(JdbcClient jdbc) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> handled(jdbc));
	}

	/** Whether the centre has handled every event published so far. */
	public static boolean handled(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%NoticeListener%'")
			.query(Long.class).single() == 0;
	}
}
