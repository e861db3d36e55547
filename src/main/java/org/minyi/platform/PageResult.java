package org.minyi.platform;

import java.util.List;

/** One page of results and what the pagination fragment needs to draw its links. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public PageResult {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}
}
