package org.minyi.outreach;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.bench.PageTimings;
import org.minyi.disputes.DisputeType;
import org.minyi.disputes.RiskLevel;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Citizen-request and dispute lists and figures with 200,000 requests and 50,000 disputes (issue 7:
 * p95 ≤ 200 ms). Rows are inserted directly, spread over the demo district's units and the last
 * year in every status (the benchmark is about reading them); each page goes through the whole web
 * stack 100 times after a warm-up. Not part of the normal build: {@code bench/outreach-lists.sh h2|pg}.
 */
@Tag("bench")
@MinyiTest
class OutreachListsBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 200_000);

	private static final int DISPUTES = Integer.getInteger("bench.disputes", 50_000);

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void listsAndFiguresWithTwoHundredThousandRequestsAndFiftyThousandDisputes() throws Exception {
		List<UnitView> all = units.list(DataScope.wholeDistrict());
		Random random = new Random(7);
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(CitizenRequests.DISTRICT_ZONE);
		long start = System.nanoTime();
		String[] statuses = { "ASSIGNED", "IN_PROGRESS", "RESOLVED", "REOPENED", "CLOSED", "CLOSED", "CLOSED", "DISMISSED", "RECEIVED" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			int daysAgo = random.nextInt(365);
			String status = statuses[random.nextInt(statuses.length)];
			boolean answered = status.equals("RESOLVED") || status.equals("CLOSED") || status.equals("REOPENED");
			Timestamp received = Timestamp.from(now.minus(daysAgo, ChronoUnit.DAYS));
			rows.add(new Object[] { "BQ" + i, RequestSource.values()[random.nextInt(4)].name(), RequestCategory.values()[random.nextInt(8)].name(),
					"bench request " + i, "details", status.equals("RECEIVED") ? null : all.get(random.nextInt(all.size())).id(), status, received,
					CitizenRequests.month(today.minusDays(daysAgo)), Date.valueOf(today.minusDays(daysAgo).plusDays(7)), answered ? received : null, answered ? random.nextBoolean() : null,
					status.equals("CLOSED") ? received : null, status.equals("CLOSED") ? "SATISFIED" : null });
			if (rows.size() == 5_000) {
				insertRequests(rows);
			}
		}
		insertRequests(rows);
		DisputeType[] types = DisputeType.values();
		String[] disputeStatuses = { "RECEIVED", "MEDIATING", "AGREED", "PARTIALLY_AGREED", "REFERRED", "CLOSED", "CLOSED", "WITHDRAWN" };
		for (int i = 0; i < DISPUTES; i++) {
			int daysAgo = random.nextInt(365);
			String status = disputeStatuses[random.nextInt(disputeStatuses.length)];
			String outcome = switch (status) {
				case "AGREED", "CLOSED" -> "AGREEMENT";
				case "PARTIALLY_AGREED" -> "PARTIAL";
				case "REFERRED" -> "FAILED";
				default -> null;
			};
			rows.add(new Object[] { "BJ" + i, all.get(random.nextInt(all.size())).id(), types[random.nextInt(types.length)].name(),
					RiskLevel.values()[random.nextInt(3)].name(), "bench dispute " + i, status, Date.valueOf(today.minusDays(daysAgo)), outcome,
					outcome == null ? null : random.nextInt(30), Timestamp.from(now) });
			if (rows.size() == 5_000) {
				insertDisputes(rows);
			}
		}
		insertDisputes(rows);
		jdbc.execute("analyze");
		System.out.printf("BENCH inserted %d requests and %d disputes in %.1f s%n", REQUESTS, DISPUTES, (System.nanoTime() - start) / 1e9);

		RequestPostProcessor district = user(users.loadUserByUsername("district"));
		RequestPostProcessor officer = user(users.loadUserByUsername("officer"));
		PageTimings.measure(mvc, "requests, district, first page", "/outreach/requests", district);
		PageTimings.measure(mvc, "requests, district, status and category", "/outreach/requests?status=IN_PROGRESS&category=DISPUTE", district);
		PageTimings.measure(mvc, "requests, district, overdue", "/outreach/requests?overdue=true", district);
		PageTimings.measure(mvc, "requests, district, last 30 days, page 20", "/outreach/requests?from=" + today.minusDays(30) + "&page=20",
				district);
		PageTimings.measure(mvc, "requests, township officer", "/outreach/requests", officer);
		PageTimings.measure(mvc, "request figures, district, year", "/outreach/metrics?from=" + today.minusDays(365), district);
		PageTimings.measure(mvc, "request figures, township officer, year", "/outreach/metrics?from=" + today.minusDays(365), officer);
		PageTimings.measure(mvc, "disputes, district, first page", "/disputes", district);
		PageTimings.measure(mvc, "disputes, district, labour high risk", "/disputes?type=LABOUR&risk=HIGH", district);
		PageTimings.measure(mvc, "disputes, township officer", "/disputes", officer);
		PageTimings.measure(mvc, "dispute figures, district, year", "/disputes/metrics?from=" + today.minusDays(365), district);
	}

	private void insertRequests(List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into citizen_request (reference, source, category, title, description, unit_id, status, received_at, received_month,
				  due_date, first_resolved_at, answered_in_time, followed_up_at, satisfaction, reopened, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""", rows);
		rows.clear();
	}

	private void insertDisputes(List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into dispute (reference, unit_id, source, dispute_type, risk, summary, description, status, received_on, outcome,
				  days_to_settle, created_at, version)
				values (?, ?, 'WALK_IN', ?, ?, ?, 'details', ?, ?, ?, ?, ?, 0)""", rows);
		rows.clear();
	}
}
