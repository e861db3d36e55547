package org.minyi.survey.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OpenLinkThrottleTests {

	@Test
	void anAddressIsStoppedPastTheLimitPerRoundAndOthersAreNot() {
		OpenLinkThrottle throttle = new OpenLinkThrottle(3, Duration.ofMinutes(10));
		for (int i = 0; i < 3; i++) {
			throttle.check("10.0.0.1", 7);
		}
		assertThatThrownBy(() -> throttle.check("10.0.0.1", 7)).isInstanceOf(OpenLinkThrottle.TooManyRequests.class);
		assertThatCode(() -> throttle.check("10.0.0.2", 7)).doesNotThrowAnyException();
		assertThatCode(() -> throttle.check("10.0.0.1", 8)).as("another round").doesNotThrowAnyException();
	}
}
