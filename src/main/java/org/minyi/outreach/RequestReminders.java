package org.minyi.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily look for answers past their deadline: each request whose deadline was yesterday and
 * that still waits for its unit's answer is published as {@link RequestOverdue}; the notice centre
 * tells the unit once however many nodes run this job.
 */
@Component
@Transactional
class RequestReminders {

	private final JdbcClient jdbc;

	private final CitizenRequests requests;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RequestReminders(JdbcClient jdbc, CitizenRequests requests, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
	}

	/** At 08:00 district time. */
	@Scheduled(cron = "${minyi.workplan.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	void remindToday() {
		remind(LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE)));
	}

	/** Publishes the requests whose deadline was the day before; returns how many. */
	int remind(LocalDate today) {
		List<Long> late = jdbc.sql("""
				select id from citizen_request
				where due_date = :due and status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') order by id""")
			.param("due", today.minusDays(1))
			.query(Long.class)
			.list();
		late.forEach(id -> events.publishEvent(new RequestOverdue(requests.ref(id))));
		return late.size();
	}
}
