package org.minyi.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats stored UTC instants in the district's time zone for templates:
 * {@code ${@dates.time(entry.occurredAt)}}.
 */
@Component("dates")
public class Dates {

	public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(DISTRICT_ZONE);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DISTRICT_ZONE);

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	public String minute(Instant instant) {
		return instant == null ? "" : MINUTE.format(instant);
	}
}
