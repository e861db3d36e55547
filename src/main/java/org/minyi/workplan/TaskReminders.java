package org.minyi.workplan;

import java.time.Clock;
import java.time.LocalDate;

import org.minyi.workplan.TaskDeadlineReached.Stage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tasks of published plans need a reminder today: due in three days, just overdue, or a week
 * overdue. Each is published as {@link TaskDeadlineReached}; the notice centre sends it once per task
 * and day however many nodes run this job.
 */
@Component
@Transactional
class TaskReminders {

	/** Days before the due date the "due soon" notice goes out. */
	static final int DUE_SOON_DAYS = 3;

	/** Days overdue after which the district is told. */
	static final int ESCALATE_AFTER_DAYS = 7;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The daily reminders, at 08:00 district time on every node. */
	@Scheduled(cron = "${minyi.workplan.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	void remindToday() {
		remind(LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE)));
	}

	/** Publishes the reminders of a day; returns how many tasks need one. */
	int remind(LocalDate today) {
		return forTasksDue(today.plusDays(DUE_SOON_DAYS), Stage.DUE_SOON, today)
				+ forTasksDue(today.minusDays(1), Stage.OVERDUE, today)
				+ forTasksDue(today.minusDays(ESCALATE_AFTER_DAYS), Stage.ESCALATED, today);
	}

	private int forTasksDue(LocalDate due, Stage stage, LocalDate today) {
		record Due(long taskId, long unitId, String title) {
		}
		var tasks = jdbc.sql("""
				select t.id, t.unit_id, i.title from work_task t join plan_item i on i.id = t.item_id join work_plan p on p.id = t.plan_id
				where t.due_date = :due and t.status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED') and p.status = 'PUBLISHED'
				order by t.id""")
			.param("due", due)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		tasks.forEach(task -> events.publishEvent(new TaskDeadlineReached(stage, task.taskId(), task.unitId(), task.title(), due, today)));
		return tasks.size();
	}
}
