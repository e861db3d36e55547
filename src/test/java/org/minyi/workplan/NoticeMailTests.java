package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.NoticesDelivered;
import org.minyi.TestMailServer;
import org.minyi.access.AccountDraft;
import org.minyi.access.AccountManagement;
import org.minyi.access.AccountView;
import org.minyi.access.Role;
import org.minyi.notices.Notices;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.mail.MailOutbox;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notices by e-mail, received by a real SMTP server in the test JVM. */
@MinyiTest
class NoticeMailTests {

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	@Autowired
	Notices notices;

	@Autowired
	TaskReminders reminders;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UnitManagement units;

	@Test
	void remindersArriveOnceEachByTheKindsTheUserChose() throws Exception {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		String officerMail = "officer-" + UUID.randomUUID() + "@yjcg.example.gov.cn";
		String districtMail = "district-" + UUID.randomUUID() + "@example.gov.cn";
		accounts.changeOwnEmail(account("officer").id(), officerMail);
		accounts.changeOwnEmail(account("district").id(), districtMail);
		notices.chooseEmailedKinds("officer", notices.kindsReaching("UNIT_OFFICER").stream().filter(k -> k != TaskNotices.DUE_SOON)
			.collect(Collectors.toSet()));
		notices.chooseEmailedKinds("district", Set.of(TaskNotices.ESCALATED));
		String leaderMail = "leader-" + UUID.randomUUID() + "@yjcg.example.gov.cn";
		AccountView leader = accounts.create(Role.SECURITY_ADMIN,
				new AccountDraft("yjcg-leader-" + UUID.randomUUID().toString().substring(0, 8), "城关书记", Role.LEADER, chengguan.id()))
			.account();
		accounts.changeOwnEmail(leader.id(), leaderMail);

		LocalDate start = LocalDate.of(2032, 4, 1);
		WorkPlans.PlanView plan = plans.createFromTemplate("mail", start);
		plans.publish(plan.id());
		LocalDate due = start.plusDays(14);
		long task = task(plan, chengguan, due).id();
		String link = "/workplan/tasks/" + task;

		reminders.remind(due.minusDays(TaskReminders.DUE_SOON_DAYS));
		deliverOnTwoNodes();
		assertThat(received(officerMail, link)).as("the officer declined due-soon mail").isEmpty();

		reminders.remind(due.plusDays(1));
		deliverOnTwoNodes();
		List<MimeMessage> overdue = received(officerMail, link);
		assertThat(overdue).as("one overdue mail though two nodes delivered").hasSize(1);
		assertThat(overdue.get(0).getSubject()).isEqualTo("【民意】“召开民调工作动员会议”（城关街道）已于 " + due + " 到期，目前已逾期。");
		assertThat((String) overdue.get(0).getContent()).contains("查看详情：" + link);

		reminders.remind(due.plusDays(TaskReminders.ESCALATE_AFTER_DAYS));
		deliverOnTwoNodes();
		assertThat(received(districtMail, link)).as("escalated to the district").hasSize(1);
		assertThat(received(leaderMail, link)).as("and to the unit's own leader").hasSize(1);
		assertThat(received(officerMail, link)).as("not again to the officer").hasSize(1);
	}

	@Test
	void submissionsAreMailedOnlyToThoseWhoAskForThem() throws Exception {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		String districtMail = "district-" + UUID.randomUUID() + "@example.gov.cn";
		accounts.changeOwnEmail(account("district").id(), districtMail);
		notices.chooseEmailedKinds("district", Set.copyOf(notices.kindsReaching("DISTRICT_ADMIN")));
		notices.chooseEmailedKinds("district", Set.of());
		assertThat(notices.emailedKinds("district")).isEmpty();

		WorkPlans.PlanView plan = plans.createFromTemplate("mail review", LocalDate.now());
		plans.publish(plan.id());
		DataScope officer = DataScope.subtree(chengguan.id(), chengguan.path());
		TaskView task = task(plan, chengguan, LocalDate.now().plusDays(14));
		tasks.addMeeting(task.id(), new WorkTasks.MeetingRecord(LocalDate.now(), "room", "chair", 10, null), officer);
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		deliverOnTwoNodes();
		assertThat(received(districtMail, "/workplan/tasks/" + task.id())).isEmpty();

		notices.chooseEmailedKinds("district", Set.of(TaskNotices.SUBMITTED));
		tasks.act(task.id(), TaskAction.RETURN, "more", tasks.find(task.id(), officer).version(), DataScope.wholeDistrict());
		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		deliverOnTwoNodes();
		assertThat(received(districtMail, "/workplan/tasks/" + task.id())).hasSize(1);
	}

	@Test
	void anAddressMustBeAnAddress() {
		long officer = account("officer").id();
		for (String bad : List.of("officer", "a b@example.com", "<script>@x.cn", "x@y", "Officer <o@example.com>")) {
			assertThatThrownBy(() -> accounts.changeOwnEmail(officer, bad)).isInstanceOf(BusinessRuleException.class);
		}
		accounts.changeOwnEmail(officer, " ");
		assertThat(accounts.email(officer)).isEmpty();
	}

	/** Two nodes running the delivery job at the same moment. */
	private void deliverOnTwoNodes() throws Exception {
		NoticesDelivered.await(jdbc);
		NoticesTests.concurrently(outbox::deliver);
	}

	/** The messages to the address whose task link is exactly this one (task 12 is not task 123). */
	private static List<MimeMessage> received(String address, String link) {
		return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
			try {
				return address.equals(m.getRecipients(Message.RecipientType.TO)[0].toString())
						&& ((String) m.getContent()).lines().anyMatch(line -> line.strip().endsWith(link));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private AccountView account(String username) {
		return accounts.list(Role.SECURITY_ADMIN, username, PageRequest.of(0, 10, null, null)).items().stream()
			.filter(a -> a.username().equals(username)).findFirst().orElseThrow();
	}

	private TaskView task(WorkPlans.PlanView plan, UnitView unit, LocalDate due) {
		return NoticesTests.task(tasks, plan, unit, due);
	}
}
