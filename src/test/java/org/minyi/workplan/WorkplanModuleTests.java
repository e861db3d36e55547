package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.WorkTasks.MeetingRecord;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The work plan with only the modules it depends on: a unit created in {@code org} gets the open
 * items of published plans, and a task's steps publish the events the notice centre hears.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({ "test", "demo" })
class WorkplanModuleTests {

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	@Autowired
	UnitManagement units;

	@Test
	void aUnitCreatedAfterPublicationGetsTheOpenItemsThatApplyToIt(Scenario scenario) {
		WorkPlans.PlanView plan = plans.createFromTemplate("module test", LocalDate.now());
		plans.publish(plan.id());
		AtomicReference<UnitView> created = new AtomicReference<>();
		// org publishes UnitCreated as the township is created; the work plan hears it after the commit
		scenario.stimulate(() -> created.updateAndGet(none -> TestUnits.township(units, "late town")))
			.andWaitForStateChange(() -> tasksOf(plan, created.get()), count -> count > 0)
			.andVerify((count, township) -> {
				long applying = plans.items(plan.id()).stream().filter(item -> item.targets(township)).count();
				assertThat(count).as("one task per open item for townships").isEqualTo(applying);
			});
	}

	@Test
	void submittingAndReturningATaskPublishTheirEvents(Scenario scenario) {
		WorkPlans.PlanView plan = plans.createFromTemplate("module events", LocalDate.now());
		plans.publish(plan.id());
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope officer = TestUnits.officerOf(chengguan);
		TaskView task = tasks.list(new TaskFilter(plan.id(), chengguan.id(), null, false), DataScope.wholeDistrict(), PageRequest.of(0, 1, null, null))
			.items().get(0);
		tasks.addMeeting(task.id(), new MeetingRecord(LocalDate.now(), "会议室", "主任", 12, null), officer);

		scenario.stimulate(() -> tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer))
			.andWaitForEventOfType(TaskSubmitted.class)
			.matching(submitted -> submitted.taskId() == task.id())
			.toArriveAndVerify(submitted -> {
				assertThat(submitted.unitId()).isEqualTo(chengguan.id());
				assertThat(submitted.title()).isEqualTo(task.title());
				assertThat(submitted.link()).isEqualTo("/workplan/tasks/" + task.id());
				assertThat(submitted.announcement().orElseThrow().kind()).isEqualTo(TaskNotices.SUBMITTED);
			});
		scenario.stimulate(() -> tasks.act(task.id(), TaskAction.RETURN, "补充签到表", tasks.find(task.id(), officer).version(),
				DataScope.wholeDistrict()))
			.andWaitForEventOfType(TaskReturned.class)
			.matching(returned -> returned.taskId() == task.id())
			.toArriveAndVerify(returned -> {
				assertThat(returned.comment()).isEqualTo("补充签到表");
				assertThat(returned.settles()).containsExactly(TaskNotices.SUBMITTED);
			});
	}

	private long tasksOf(WorkPlans.PlanView plan, UnitView unit) {
		return tasks.list(new TaskFilter(plan.id(), unit.id(), null, false), DataScope.wholeDistrict(), PageRequest.of(0, 100, null, null)).total();
	}
}
