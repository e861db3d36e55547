package org.minyi.outreach.web;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.minyi.outreach.OutreachProperties;
import org.springframework.stereotype.Component;

/**
 * Limits how many requests one network address may send through the public form in a window
 * (default 5 an hour): enough for a family, not for a flood. The address is held in memory for the
 * window only, never stored.
 */
@Component
class PublicRequestThrottle {

	private final int limit;

	private final Cache<String, AtomicInteger> counters;

	PublicRequestThrottle(OutreachProperties properties) {
		this.limit = properties.publicRequestsPerAddress();
		this.counters = Caffeine.newBuilder().expireAfterWrite(properties.publicRequestWindow()).maximumSize(100_000).build();
	}

	/** Counts one submission; false when the address has used up its window. */
	boolean allow(String address) {
		return counters.get(address, key -> new AtomicInteger()).incrementAndGet() <= limit;
	}
}
