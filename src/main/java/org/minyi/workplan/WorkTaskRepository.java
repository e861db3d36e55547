package org.minyi.workplan;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Tasks as aggregates; load them with {@link #load}, which joins in the plan item's title (plain {@code findById} cannot). */
interface WorkTaskRepository extends CrudRepository<WorkTask, Long> {

	@Query("select t.*, i.title from work_task t join plan_item i on i.id = t.item_id where t.id = :id")
	Optional<WorkTask> load(long id);
}
