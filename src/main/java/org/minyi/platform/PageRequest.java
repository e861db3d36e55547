package org.minyi.platform;

import java.util.Set;

/**
 * A page of a server-side list: zero-based page number and size (capped), and the sort column
 * which callers must check against their own allow-list before using it in a query.
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		page = Math.max(0, page);
		size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
	}

	public static PageRequest of(Integer page, Integer size, String sort, String direction) {
		return new PageRequest(page == null ? 0 : page, size == null ? 20 : size, sort, "desc".equalsIgnoreCase(direction));
	}

	public long offset() {
		return (long) page * size;
	}

	/** The sort column when it is one of the allowed ones, else the fallback. */
	public String sortOr(String fallback, Set<String> allowed) {
		return sort != null && allowed.contains(sort) ? sort : fallback;
	}
}
