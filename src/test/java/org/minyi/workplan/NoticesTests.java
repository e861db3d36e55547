package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class NoticesTests {

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	@Autowired
	Notices notices;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	/** The demo officer of 城关街道 and the demo district administrator receive the notices. */
	@Test
	void theDailyJobTellsTheUnitOnceEvenWhenTwoNodesRunItAtOnce() throws Exception {
		LocalDate start = LocalDate.of(2031, 3, 1);
		WorkPlans.PlanView plan = plans.createFromTemplate("reminders", start);
		plans.publish(plan.id());
		LocalDate meetingDue = start.plusDays(14);
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		long meeting = task(plan, chengguan, meetingDue).id();

		List<Integer> sent = concurrently(() -> notices.remind(meetingDue.minusDays(Notices.DUE_SOON_DAYS)));
		assertThat(sent.get(0) + sent.get(1)).as("each task's notice claimed by one of the two").isEqualTo(dueOn(plan, meetingDue));
		assertThat(noticesAbout(meeting, NoticeKind.DUE_SOON, "officer")).isEqualTo(1);
		assertThat(notices.remind(meetingDue.minusDays(Notices.DUE_SOON_DAYS))).as("the same day again").isZero();

		notices.remind(meetingDue.plusDays(1));
		assertThat(noticesAbout(meeting, NoticeKind.OVERDUE, "officer")).isEqualTo(1);
		notices.remind(meetingDue.plusDays(Notices.ESCALATE_AFTER_DAYS));
		assertThat(noticesAbout(meeting, NoticeKind.ESCALATED, "district")).isEqualTo(1);
		assertThat(noticesAbout(meeting, NoticeKind.ESCALATED, "officer")).as("escalations go to the district").isZero();

		Notices.Notice latest = notices.recent("officer", 10).stream().filter(n -> n.link().equals("/workplan/tasks/" + meeting)).findFirst().orElseThrow();
		assertThat(latest.arguments()).containsExactly("召开民调工作动员会议", "城关街道", meetingDue.toString());
	}

	@Test
	void submittingTellsTheDistrictAndReturningTellsTheUnit() {
		WorkPlans.PlanView plan = plans.createFromTemplate("review notices", LocalDate.now());
		plans.publish(plan.id());
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope officer = DataScope.subtree(chengguan.id(), chengguan.path());
		TaskView task = task(plan, chengguan, LocalDate.now().plusDays(14));
		long unreadBefore = notices.unread("officer");
		tasks.addMeeting(task.id(), new WorkTasks.MeetingRecord(LocalDate.now(), "room", "chair", 10, null), officer);
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		assertThat(noticesAbout(task.id(), NoticeKind.SUBMITTED, "district")).isEqualTo(1);
		tasks.act(task.id(), TaskAction.RETURN, "more", tasks.find(task.id(), officer).version(), DataScope.wholeDistrict());
		assertThat(noticesAbout(task.id(), NoticeKind.RETURNED, "officer")).isEqualTo(1);
		assertThat(notices.unread("officer")).isEqualTo(unreadBefore + 1);
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		assertThat(noticesAbout(task.id(), NoticeKind.SUBMITTED, "district")).as("a resubmission is news again").isEqualTo(2);
		assertThat(notices.unread("officer")).as("the return is settled by the resubmission").isEqualTo(unreadBefore);
		assertThat(jdbc.sql("select count(*) from notification where task_id = :task and kind = 'SUBMITTED' and recipient = 'district' and read_at is null")
			.param("task", task.id()).query(Long.class).single()).as("only the resubmission waits for review").isEqualTo(1);
		tasks.act(task.id(), TaskAction.APPROVE, null, tasks.find(task.id(), officer).version(), DataScope.wholeDistrict());
		assertThat(jdbc.sql("select count(*) from notification where task_id = :task and read_at is null").param("task", task.id())
			.query(Long.class).single()).as("a done task leaves nothing to do").isZero();
		notices.markAllRead("officer");
		assertThat(notices.unread("officer")).isZero();
	}

	private TaskView task(WorkPlans.PlanView plan, UnitView unit, LocalDate due) {
		return task(tasks, plan, unit, due);
	}

	/** The unit's task of the plan due on that day. */
	static TaskView task(WorkTasks tasks, WorkPlans.PlanView plan, UnitView unit, LocalDate due) {
		return tasks.list(new TaskFilter(plan.id(), unit.id(), null, false), DataScope.wholeDistrict(), PageRequest.of(0, 50, null, null))
			.items().stream().filter(t -> t.dueDate().equals(due)).findFirst().orElseThrow();
	}

	private long dueOn(WorkPlans.PlanView plan, LocalDate due) {
		return jdbc.sql("select count(*) from work_task where plan_id = :plan and due_date = :due")
			.param("plan", plan.id()).param("due", due).query(Long.class).single();
	}

	private long noticesAbout(long taskId, NoticeKind kind, String recipient) {
		return jdbc.sql("select count(*) from notification where task_id = :task and kind = :kind and recipient = :who")
			.param("task", taskId).param("kind", kind.name()).param("who", recipient).query(Long.class).single();
	}

	/** Runs the call on two threads at once (two application nodes), returning both results. */
	static <T> List<T> concurrently(Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<T>> futures = new ArrayList<>(List.of(pool.submit(call), pool.submit(call)));
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}
}
