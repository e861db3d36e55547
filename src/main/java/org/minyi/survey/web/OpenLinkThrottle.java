package org.minyi.survey.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how many questionnaire pages one network address may post to a round's open link in a
 * window (default 200 per 10 minutes: a few dozen respondents behind one office router). The
 * address is only held in memory for the window, never stored.
 */
@Component
class OpenLinkThrottle {

	private final int limit;

	private final Cache<String, AtomicInteger> counters;

	OpenLinkThrottle(@Value("${minyi.survey.open-link.pages-per-address:200}") int limit,
			@Value("${minyi.survey.open-link.window:10m}") Duration window) {
		this.limit = limit;
		this.counters = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	void check(String address, long roundId) {
		if (counters.get(roundId + "|" + address, key -> new AtomicInteger()).incrementAndGet() > limit) {
			throw new TooManyRequests();
		}
	}

	static class TooManyRequests extends RuntimeException {

		TooManyRequests() {
			super("too many open-link requests from one address", null, false, false);
		}
	}
}
