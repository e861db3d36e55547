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
import org.minyi.NoticesDelivered;
import org.minyi.org.UnitManagement;
import org.minyi.notices.NoticeKind;
import org.minyi.notices.Notices;
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
	TaskReminders reminders;

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

		List<Integer> found = concurrently(() -> reminders.remind(meetingDue.minusDays(TaskReminders.DUE_SOON_DAYS)));
		assertThat(found).as("both nodes find the tasks due").containsExactly(dueOn(plan, meetingDue), dueOn(plan, meetingDue));
		assertThat(noticesAbout(meeting, TaskNotices.DUE_SOON, "officer")).as("told once all the same").isEqualTo(1);
		reminders.remind(meetingDue.minusDays(TaskReminders.DUE_SOON_DAYS));
		assertThat(noticesAbout(meeting, TaskNotices.DUE_SOON, "officer")).as("the same day again").isEqualTo(1);

		reminders.remind(meetingDue.plusDays(1));
		assertThat(noticesAbout(meeting, TaskNotices.OVERDUE, "officer")).isEqualTo(1);
		reminders.remind(meetingDue.plusDays(TaskReminders.ESCALATE_AFTER_DAYS));
		assertThat(noticesAbout(meeting, TaskNotices.ESCALATED, "district")).isEqualTo(1);
		assertThat(noticesAbout(meeting, TaskNotices.ESCALATED, "officer")).as("escalations go to the district").isZero();

		NoticesDelivered.await(jdbc);
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
		long unreadBefore = unread("officer");
		tasks.addMeeting(task.id(), new WorkTasks.MeetingRecord(LocalDate.now(), "room", "chair", 10, null), officer);
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		assertThat(noticesAbout(task.id(), TaskNotices.SUBMITTED, "district")).isEqualTo(1);
		tasks.act(task.id(), TaskAction.RETURN, "more", tasks.find(task.id(), officer).version(), DataScope.wholeDistrict());
		assertThat(noticesAbout(task.id(), TaskNotices.RETURNED, "officer")).isEqualTo(1);
		assertThat(unread("officer")).isEqualTo(unreadBefore + 1);
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		assertThat(noticesAbout(task.id(), TaskNotices.SUBMITTED, "district")).as("a resubmission is news again").isEqualTo(2);
		assertThat(unread("officer")).as("the return is settled by the resubmission").isEqualTo(unreadBefore);
		NoticesDelivered.await(jdbc);
		assertThat(jdbc.sql("select count(*) from notification where link = :link and kind = 'SUBMITTED' and recipient = 'district' and read_at is null")
			.param("link", "/workplan/tasks/" + task.id()).query(Long.class).single()).as("only the resubmission waits for review").isEqualTo(1);
		tasks.act(task.id(), TaskAction.APPROVE, null, tasks.find(task.id(), officer).version(), DataScope.wholeDistrict());
		NoticesDelivered.await(jdbc);
		assertThat(jdbc.sql("select count(*) from notification where link = :link and read_at is null").param("link", "/workplan/tasks/" + task.id())
			.query(Long.class).single()).as("a done task leaves nothing to do").isZero();
		notices.markAllRead("officer");
		assertThat(unread("officer")).isZero();
	}

	private long unread(String username) {
		NoticesDelivered.await(jdbc);
		return notices.unread(username);
	}

	private TaskView task(WorkPlans.PlanView plan, UnitView unit, LocalDate due) {
		return task(tasks, plan, unit, due);
	}

	/** The unit's task of the plan due on that day. */
	static TaskView task(WorkTasks tasks, WorkPlans.PlanView plan, UnitView unit, LocalDate due) {
		return tasks.list(new TaskFilter(plan.id(), unit.id(), null, false), DataScope.wholeDistrict(), PageRequest.of(0, 50, null, null))
			.items().stream().filter(t -> t.dueDate().equals(due)).findFirst().orElseThrow();
	}

	private int dueOn(WorkPlans.PlanView plan, LocalDate due) {
		return jdbc.sql("select count(*) from work_task where plan_id = :plan and due_date = :due")
			.param("plan", plan.id()).param("due", due).query(Integer.class).single();
	}

	private long noticesAbout(long taskId, NoticeKind kind, String recipient) {
		NoticesDelivered.await(jdbc);
		return jdbc.sql("select count(*) from notification where link = :link and kind = :kind and recipient = :who")
			.param("link", "/workplan/tasks/" + taskId).param("kind", kind.name()).param("who", recipient).query(Long.class).single();
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
