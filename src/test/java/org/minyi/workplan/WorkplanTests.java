package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitDraft;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.files.FileStore;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.WorkPlans.ItemView;
import org.minyi.workplan.WorkPlans.PlanView;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MinyiTest
class WorkplanTests {

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	@Autowired
	TaskBoard board;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStore files;

	@Autowired
	TransactionTemplate transaction;

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Test
	void theTemplateReproducesTheSeedPlanAndPublishingFansItOutToEveryTargetUnit() {
		PlanView plan = plans.createFromTemplate("fan-out", LocalDate.of(2026, 12, 1));
		List<ItemView> items = plans.items(plan.id());
		assertThat(items).hasSize(11);
		assertThat(items.get(0).title()).isEqualTo("召开民调工作动员会议");
		assertThat(items.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(items.get(0).targetGroups()).contains(TargetGroup.INSTITUTIONS);
		assertThat(items).extracting(ItemView::section).contains(PlanSection.DEPLOYMENT, PlanSection.FOCUS, PlanSection.SAFEGUARDS);

		int assigned = plans.publish(plan.id());

		List<UnitView> active = units.list(DISTRICT).stream().filter(UnitView::active).toList();
		// counted here from the unit kinds, not with the code under test
		Map<TargetGroup, UnitKind> kinds = Map.of(TargetGroup.TOWNSHIPS, UnitKind.TOWNSHIP, TargetGroup.DEPARTMENTS, UnitKind.DEPARTMENT,
				TargetGroup.POLITICAL_LEGAL, UnitKind.POLITICAL_LEGAL, TargetGroup.INSTITUTIONS, UnitKind.INSTITUTION);
		long expected = items.stream()
			.mapToLong(item -> active.stream().filter(u -> item.targetGroups().stream().anyMatch(g -> kinds.get(g) == u.kind())).count())
			.sum();
		assertThat(assigned).isEqualTo((int) expected).isPositive();
		long institutions = active.stream().filter(u -> u.kind() == UnitKind.INSTITUTION).count();
		assertThat(count(plan, items.get(0))).as("the meeting reaches townships, departments and every institution")
			.isEqualTo(active.stream().filter(u -> u.kind() == UnitKind.TOWNSHIP || u.kind() == UnitKind.DEPARTMENT
					|| u.kind() == UnitKind.POLITICAL_LEGAL).count() + institutions);
		assertThat(jdbc.sql("select count(*) from work_task t join unit u on u.id = t.unit_id where t.plan_id = :plan "
				+ "and u.kind in ('COMMUNITY', 'DISTRICT')").param("plan", plan.id()).query(Long.class).single())
			.as("no community or district task").isZero();
		assertThatThrownBy(() -> plans.publish(plan.id())).hasMessage("workplan.plan.error.published");

		ItemView added = plans.addItem(plan.id(), new ItemDraft(PlanSection.FOCUS, "extra", null, LocalDate.of(2027, 1, 10),
				ExpectedEvidence.ANY, Set.of(TargetGroup.TOWNSHIPS), Set.of()));
		assertThat(count(plan, added)).as("an item added to a published plan is assigned at once")
			.isEqualTo(active.stream().filter(u -> u.kind() == UnitKind.TOWNSHIP).count());
		plans.updateItem(plan.id(), added.id(), new ItemDraft(PlanSection.FOCUS, "extra", null, LocalDate.of(2027, 1, 20),
				ExpectedEvidence.ANY, Set.of(TargetGroup.TOWNSHIPS), Set.of(units.findByCode("YJSFJ").orElseThrow().id())));
		assertThat(count(plan, added)).as("a unit named later gets its task").isEqualTo(active.stream()
			.filter(u -> u.kind() == UnitKind.TOWNSHIP).count() + 1);
		assertThat(jdbc.sql("select distinct due_date from work_task where item_id = :item").param("item", added.id())
			.query(LocalDate.class).list()).containsExactly(LocalDate.of(2027, 1, 20));
	}

	@Test
	void aUnitCreatedAfterPublicationGetsTheOpenItemsThatApplyToIt() throws InterruptedException {
		PlanView plan = plans.createFromTemplate("new unit", LocalDate.now().plusDays(1));
		plans.publish(plan.id());
		// an institution (a new school under the justice bureau): other tests count townships and departments
		UnitView school = units.create(new UnitDraft("YJNEW" + System.nanoTime() % 100000, "new school", UnitKind.INSTITUTION, "YJSFJ",
				null, null, null, Map.of()));
		long expected = plans.items(plan.id()).stream().filter(i -> i.targetGroups().contains(TargetGroup.INSTITUTIONS)).count();
		assertThat(expected).isEqualTo(1);
		for (int i = 0; i < 100 && tasksOf(plan, school) < expected; i++) {
			Thread.sleep(50);
		}
		assertThat(tasksOf(plan, school)).isEqualTo(expected);
	}

	@Test
	void aTaskGoesFromAssignedThroughReturnToDoneWithItsHistory() throws Exception {
		PlanView plan = plans.createFromTemplate("lifecycle", LocalDate.now().minusDays(20));
		plans.publish(plan.id());
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope officer = DataScope.subtree(chengguan.id(), chengguan.path());
		UnitView hekou = units.findByCode("YJHK").orElseThrow();
		DataScope otherOfficer = DataScope.subtree(hekou.id(), hekou.path());
		TaskView meeting = tasks.list(new TaskFilter(plan.id(), chengguan.id(), null, false), officer, PageRequest.of(0, 50, null, null))
			.items().stream().filter(t -> t.expected() == ExpectedEvidence.MEETING).findFirst().orElseThrow();
		assertThat(meeting.overdue()).as("due 14 days after a start 20 days ago").isTrue();
		assertThat(tasks.list(new TaskFilter(plan.id(), null, null, true), officer, PageRequest.of(0, 50, null, null)).items())
			.extracting(TaskView::id).contains(meeting.id());

		assertThatThrownBy(() -> tasks.find(meeting.id(), otherOfficer)).as("another township's task")
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> tasks.act(meeting.id(), TaskAction.SUBMIT, null, meeting.version(), officer))
			.hasMessage("workplan.task.error.noEvidence");

		tasks.addMeeting(meeting.id(), new WorkTasks.MeetingRecord(LocalDate.now().minusDays(2), "街道会议室", "胡丽华", 45, "部署民调工作"),
				officer);
		TaskView started = tasks.find(meeting.id(), officer);
		assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		tasks.act(meeting.id(), TaskAction.SUBMIT, null, started.version(), officer);
		TaskView submitted = tasks.find(meeting.id(), DISTRICT);
		assertThat(submitted.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(submitted.overdue()).as("with the district now").isFalse();

		assertThatThrownBy(() -> tasks.act(meeting.id(), TaskAction.APPROVE, null, submitted.version(), officer))
			.as("a unit cannot approve its own task").hasMessage("workplan.task.error.role");
		assertThatThrownBy(() -> tasks.act(meeting.id(), TaskAction.RETURN, " ", submitted.version(), DISTRICT))
			.hasMessage("workplan.task.error.comment");
		tasks.act(meeting.id(), TaskAction.RETURN, "请补充参会人员签到表", submitted.version(), DISTRICT);
		assertThatThrownBy(() -> tasks.act(meeting.id(), TaskAction.APPROVE, null, submitted.version(), DISTRICT))
			.as("acting on what one saw before someone else's step").isInstanceOf(BusinessRuleException.class);
		TaskView returned = tasks.find(meeting.id(), officer);
		assertThat(returned.status()).isEqualTo(TaskStatus.RETURNED);
		assertThat(returned.lastComment()).isEqualTo("请补充参会人员签到表");

		tasks.addFile(meeting.id(), "签到表.pdf", pdf(), officer);
		tasks.act(meeting.id(), TaskAction.SUBMIT, null, tasks.find(meeting.id(), officer).version(), officer);
		tasks.act(meeting.id(), TaskAction.APPROVE, null, tasks.find(meeting.id(), DISTRICT).version(), DISTRICT);
		TaskView done = tasks.find(meeting.id(), officer);
		assertThat(done.status()).isEqualTo(TaskStatus.DONE);
		assertThat(done.closedAt()).isNotNull();
		assertThat(tasks.history(meeting.id(), officer)).extracting(StatusHistory.Entry::action)
			.containsExactly("ASSIGN", "START", "EVIDENCE", "SUBMIT", "RETURN", "EVIDENCE", "SUBMIT", "APPROVE");
		assertThatThrownBy(() -> tasks.addMeeting(meeting.id(), new WorkTasks.MeetingRecord(LocalDate.now(), "x", "y", 3, null), officer))
			.hasMessage("workplan.task.error.notEditable");

		WorkTasks.Evidence file = tasks.evidence(meeting.id(), officer).stream().filter(e -> e.kind() == WorkTasks.EvidenceKind.FILE)
			.findFirst().orElseThrow();
		try (InputStream in = tasks.file(meeting.id(), file.id(), officer).content()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf().readAllBytes());
		}
		assertThatThrownBy(() -> tasks.file(meeting.id(), file.id(), otherOfficer)).isInstanceOf(RecordNotFoundException.class);

		TaskBoard.Board progress = board.board(plan.id(), DISTRICT, PageRequest.of(0, 200, null, null));
		assertThat(progress.total().done()).isEqualTo(1);
		assertThat(progress.cells().get(chengguan.id()).get(meeting.itemId()).status()).isEqualTo(TaskStatus.DONE);
		assertThat(board.board(plan.id(), otherOfficer, PageRequest.of(0, 200, null, null)).units().items())
			.extracting(TaskBoard.Progress::id).doesNotContain(chengguan.id());
	}

	@Test
	void badEvidenceFilesAreRefusedAndNothingIsKept() {
		PlanView plan = plans.createFromTemplate("bad files", LocalDate.now());
		plans.publish(plan.id());
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope officer = DataScope.subtree(chengguan.id(), chengguan.path());
		long taskId = tasks.list(new TaskFilter(plan.id(), chengguan.id(), null, false), officer, PageRequest.of(0, 1, null, null))
			.items().get(0).id();
		byte[] executable = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

		assertRefused(() -> tasks.addFile(taskId, "方案.pdf", new ByteArrayInputStream(executable), officer), "file.error.content");
		assertRefused(() -> tasks.addFile(taskId, "virus.exe", new ByteArrayInputStream(executable), officer), "file.error.type");
		assertRefused(() -> tasks.addFile(taskId, "../../etc/passwd.pdf", pdf(), officer), "file.error.name");
		assertRefused(() -> tasks.addFile(taskId, "C:\\temp\\a.pdf", pdf(), officer), "file.error.name");
		assertRefused(() -> tasks.addFile(taskId, "empty.pdf", InputStream.nullInputStream(), officer), "file.error.empty");
		byte[] big = new byte[21 * 1024 * 1024];
		System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
		assertRefused(() -> tasks.addFile(taskId, "big.pdf", new ByteArrayInputStream(big), officer), "file.error.size");
		assertThat(tasks.evidence(taskId, officer)).isEmpty();
		assertThat(tasks.find(taskId, officer).status()).as("nothing changed").isEqualTo(TaskStatus.ASSIGNED);
		assertRefused(() -> tasks.addFile(taskId, "a.pdf", pdf(), DISTRICT), "workplan.task.error.role");
	}

	@Test
	void evidenceTakenBackBeforeSubmissionGoesWithItsFileAndARolledBackFileIsNotKept() {
		PlanView plan = plans.createFromTemplate("take back", LocalDate.now());
		plans.publish(plan.id());
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope officer = DataScope.subtree(chengguan.id(), chengguan.path());
		long taskId = tasks.list(new TaskFilter(plan.id(), chengguan.id(), null, false), officer, PageRequest.of(0, 1, null, null))
			.items().get(0).id();

		String[] rolledBack = new String[1];
		transaction.executeWithoutResult(status -> {
			WorkTasks.Evidence added = tasks.addFile(taskId, "a.pdf", pdf(), officer);
			rolledBack[0] = fileKey(added.id());
			assertThat(files.exists(rolledBack[0])).isTrue();
			status.setRollbackOnly();
		});
		assertThat(files.exists(rolledBack[0])).as("the file of an addition that rolled back").isFalse();

		WorkTasks.Evidence wrong = tasks.addFile(taskId, "wrong.pdf", pdf(), officer);
		WorkTasks.Evidence right = tasks.addMeeting(taskId, new WorkTasks.MeetingRecord(LocalDate.now(), "room", "chair", 9, null), officer);
		String key = fileKey(wrong.id());
		assertRefused(() -> tasks.removeEvidence(taskId, wrong.id(), DISTRICT), "workplan.task.error.role");
		tasks.removeEvidence(taskId, wrong.id(), officer);
		assertThat(files.exists(key)).isFalse();
		assertThat(tasks.evidence(taskId, officer)).extracting(WorkTasks.Evidence::id).containsExactly(right.id());
		assertThatThrownBy(() -> tasks.file(taskId, wrong.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThat(tasks.history(taskId, officer)).extracting(StatusHistory.Entry::action).endsWith("EVIDENCE", "EVIDENCE", "UNEVIDENCE");

		tasks.act(taskId, TaskAction.SUBMIT, null, tasks.find(taskId, officer).version(), officer);
		assertRefused(() -> tasks.removeEvidence(taskId, right.id(), officer), "workplan.task.error.notEditable");
	}

	private String fileKey(long evidenceId) {
		return jdbc.sql("select file_key from task_evidence where id = :id").param("id", evidenceId).query(String.class).single();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageKey) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
	}

	private static InputStream pdf() {
		return new ByteArrayInputStream("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
	}

	private long count(PlanView plan, ItemView item) {
		return jdbc.sql("select count(*) from work_task where plan_id = :plan and item_id = :item")
			.param("plan", plan.id())
			.param("item", item.id())
			.query(Long.class)
			.single();
	}

	private long tasksOf(PlanView plan, UnitView unit) {
		return jdbc.sql("select count(*) from work_task where plan_id = :plan and unit_id = :unit")
			.param("plan", plan.id())
			.param("unit", unit.id())
			.query(Long.class)
			.single();
	}
}
