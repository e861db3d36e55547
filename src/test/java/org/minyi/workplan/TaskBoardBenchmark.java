package org.minyi.workplan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.bench.PageTimings;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The progress board and the task list with 5,000 units × 30 items = 150,000 tasks (issue 6: p95 ≤
 * 200 ms). Units are inserted directly (the benchmark is about the work plan, not about creating
 * units); the plan is published through the service, so the tasks come from the real fan-out. Each
 * page is rendered through the whole web stack (security, controller, Thymeleaf) 100 times after a
 * warm-up, as the district and as a township officer. Not part of the normal build:
 * {@code bench/workplan-board.sh h2|pg}.
 */
@Tag("bench")
@MinyiTest
class TaskBoardBenchmark {

	private static final int UNITS = Integer.getInteger("bench.units", 5_000);

	private static final int ITEMS = 30;

	@Autowired
	WorkPlans plans;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void boardAndTaskListWithOneHundredFiftyThousandTasks() throws Exception {
		long root = units.root().orElseThrow().id();
		String rootPath = units.findById(root).orElseThrow().path();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < UNITS; i++) {
			rows.add(new Object[] { "BENCH" + i, "bench unit " + i, now, now });
		}
		jdbc.batchUpdate("insert into unit (code, name, kind, parent_id, path, active, created_at, updated_at) values (?, ?, 'TOWNSHIP', "
				+ root + ", '" + rootPath + "', true, ?, ?)", rows);
		jdbc.update("update unit set path = '" + rootPath + "' || id || '/' where code like 'BENCH%'");

		long start = System.nanoTime();
		WorkPlans.PlanView plan = plans.createFromTemplate("benchmark", LocalDate.now().minusDays(20));
		for (int i = plans.items(plan.id()).size(); i < ITEMS; i++) {
			plans.addItem(plan.id(), new ItemDraft(PlanSection.FOCUS, "bench item " + i, null, LocalDate.now().plusDays(i),
					ExpectedEvidence.ANY, Set.of(TargetGroup.TOWNSHIPS), Set.of()));
		}
		// every item to the bench units (and the demo townships)
		plans.items(plan.id()).forEach(item -> plans.updateItem(plan.id(), item.id(), new ItemDraft(item.section(), item.title(),
				item.description(), item.dueDate(), item.evidence(), Set.of(TargetGroup.TOWNSHIPS), Set.of())));
		int assigned = plans.publish(plan.id());
		System.out.printf("BENCH published %d tasks in %.1f s%n", assigned, (System.nanoTime() - start) / 1e9);
		jdbc.update("update work_task set status = 'DONE' where plan_id = ? and mod(id, 3) = 0", plan.id());
		jdbc.update("update work_task set status = 'SUBMITTED' where plan_id = ? and mod(id, 7) = 1", plan.id());
		// as autovacuum would after such a load: the planner needs the table's statistics
		jdbc.execute("analyze");

		UnitView township = units.findByCode("BENCH42").orElseThrow();
		jdbc.update("update account set unit_id = ? where username = 'officer'", township.id());
		RequestPostProcessor district = user(users.loadUserByUsername("district"));
		RequestPostProcessor officer = user(users.loadUserByUsername("officer"));
		measure("board, district, first page", "/workplan/board?plan=" + plan.id(), district);
		measure("board, district, page 50", "/workplan/board?plan=" + plan.id() + "&page=50", district);
		measure("task list, district, overdue", "/workplan/tasks?plan=" + plan.id() + "&overdue=true", district);
		measure("task list, district, page 100", "/workplan/tasks?plan=" + plan.id() + "&page=100", district);
		measure("board, township officer", "/workplan/board?plan=" + plan.id(), officer);
		measure("task list, township officer", "/workplan/tasks?plan=" + plan.id(), officer);
	}

	private void measure(String what, String url, RequestPostProcessor who) throws Exception {
		PageTimings.measure(mvc, what, url, who);
	}
}
