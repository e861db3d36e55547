package org.minyi.fieldwork;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CATI settings under {@code minyi.fieldwork}.
 *
 * @param maxAttempts           attempts after which a case closes with its last disposition
 * @param recentInterviewMonths numbers completed in any round within this many months are not drawn again
 * @param staleCallAfter        a case held this long by an interviewer (closed browser, lost session) returns to the queue
 */
@ConfigurationProperties("minyi.fieldwork")
public record FieldworkProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("6") int recentInterviewMonths,
		@DefaultValue("2h") Duration staleCallAfter) {

	public FieldworkProperties {
		if (maxAttempts < 1 || recentInterviewMonths < 0) {
			throw new IllegalArgumentException("minyi.fieldwork.max-attempts must be at least 1, recent-interview-months not negative");
		}
	}
}
