package org.minyi.platform;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.repository.CrudRepository;

/** Saving the versioned aggregates of case files (a task, a citizen request, a dispute). */
public final class Aggregates {

	private Aggregates() {
	}

	/**
	 * Saves the aggregate; when someone else saved it since it was loaded (its version moved on), the
	 * step is refused with the module's message that the case changed meanwhile.
	 */
	public static <T> T save(CrudRepository<T, Long> repository, T aggregate, String staleMessageKey) {
		try {
			return repository.save(aggregate);
		}
		catch (OptimisticLockingFailureException e) {
			throw BusinessRuleException.of(staleMessageKey);
		}
	}
}
