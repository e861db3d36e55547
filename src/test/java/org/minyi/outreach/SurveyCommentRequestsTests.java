package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.Mode;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.StandardAnswers;
import org.minyi.survey.SurveyComments;
import org.minyi.survey.SurveyComments.CommentStatus;
import org.minyi.survey.TestResponses;
import org.minyi.survey.TestRounds;
import org.minyi.survey.invitation.Invitations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Survey comments taken up as citizen requests: once per comment, by the district only, all or nothing; shown escaped. */
@MinyiTest
class SurveyCommentRequestsTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Autowired
	SurveyCommentRequests commentRequests;

	@Autowired
	CitizenRequests requests;

	@Autowired
	SurveyComments comments;

	@Autowired
	ResponseIntake intake;

	@Autowired
	Invitations invitations;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RoundView round;

	long township;

	@BeforeEach
	void fieldingRound() {
		round = TestRounds.fielding(rounds, instruments, "comments to requests", Set.of(Mode.WEB));
		township = units.findByCode("YJCG").orElseThrow().id();
	}

	@Test
	void aCommentBecomesAnAnonymousRequestOfItsTownshipThatClosesOnItsAnswer() {
		long comment = comment("晚上小区门口经常有人飙车，噪音很大，老人孩子睡不好觉，希望交警夜里多来管一管");

		RequestView request = commentRequests.takeUp(comment, RequestCategory.TRAFFIC, " ", township, DISTRICT);

		assertThat(request.source()).isEqualTo(RequestSource.SURVEY);
		assertThat(request.title()).isEqualTo("晚上小区门口经常有人飙车，噪音很大，老人孩子睡不好觉，希望交警夜里多来管一管".substring(0, 30) + "...");
		assertThat(request.description()).isEqualTo("晚上小区门口经常有人飙车，噪音很大，老人孩子睡不好觉，希望交警夜里多来管一管");
		assertThat(request.location()).isEqualTo(units.findByCode("YJCG02").orElseThrow().name());
		assertThat(request.unitId()).isEqualTo(township);
		assertThat(request.status()).isEqualTo(RequestStatus.ASSIGNED);
		assertThat(request.contactable()).isFalse();
		assertThat(comments.find(comment).orElseThrow()).satisfies(c -> {
			assertThat(c.status()).isEqualTo(CommentStatus.TAKEN_UP);
			assertThat(c.reference()).isEqualTo(request.reference());
		});
		assertThat(requests.madeFromSurveyComments(List.of(comment))).containsExactly(Map.entry(comment, request.id()));

		DataScope officer = DataScope.subtree(township, units.findById(township).orElseThrow().path());
		RequestView accepted = requests.act(request.id(), RequestAction.ACCEPT, null, null, null, request.version(), officer);
		RequestView answered = requests.act(request.id(), RequestAction.RESOLVE, null, "已联系交警中队夜间设卡", null, accepted.version(), officer);
		assertThat(answered.status()).as("nobody to call back").isEqualTo(RequestStatus.CLOSED);
	}

	@Test
	void aCommentBecomesOneRequestEvenWhenTwoStaffTakeItUpAtOnce() throws Exception {
		long comment = comment("希望增加夜间巡逻");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Callable<Boolean>> tries = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tries.add(() -> {
				try {
					commentRequests.takeUp(comment, RequestCategory.PUBLIC_SECURITY, null, null, DISTRICT);
					return true;
				}
				catch (BusinessRuleException e) {
					return false;
				}
			});
		}
		int made = 0;
		for (Future<Boolean> result : pool.invokeAll(tries)) {
			made += result.get() ? 1 : 0;
		}
		pool.shutdown();

		assertThat(made).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from citizen_request where survey_comment_id = :c").param("c", comment).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from citizen_request where description = '希望增加夜间巡逻' and source = 'SURVEY'")
			.query(Long.class).single()).as("no request left behind by the refused attempts").isEqualTo(1);
	}

	@Test
	void refusalsChangeNothing() {
		long comment = comment("垃圾清运不及时");
		DataScope officer = DataScope.subtree(township, units.findById(township).orElseThrow().path());

		assertThatThrownBy(() -> commentRequests.takeUp(comment, RequestCategory.ENVIRONMENT, null, township, officer))
			.as("individual answers are the district's").hasMessage("outreach.request.error.role");
		assertThatThrownBy(() -> commentRequests.takeUp(comment, null, null, township, DISTRICT)).hasMessage("outreach.request.error.category");
		assertThatThrownBy(() -> commentRequests.takeUp(comment, RequestCategory.ENVIRONMENT, null, township + 999_999, DISTRICT))
			.hasMessage("outreach.request.error.unit");
		assertThatThrownBy(() -> commentRequests.takeUp(comment + 999_999, RequestCategory.ENVIRONMENT, null, null, DISTRICT))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(comments.find(comment).orElseThrow().status()).isEqualTo(CommentStatus.NEW);
		assertThat(jdbc.sql("select count(*) from citizen_request where description = '垃圾清运不及时'").query(Long.class).single()).isZero();

		comments.setAside(comment);
		assertThatThrownBy(() -> commentRequests.takeUp(comment, RequestCategory.ENVIRONMENT, null, null, DISTRICT))
			.hasMessage("survey.comment.error.decided");
	}

	@Test
	void theCommentPageShowsWhatResidentsWroteEscapedAndOnlyToTheDistrict() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		comment("<script>alert('" + marker + "')</script><img src=x onerror=alert(1)>");
		String page = mvc.perform(get("/outreach/comments").param("round", String.valueOf(round.id()))
			.with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt;").doesNotContain("<script>alert('" + marker)
			.contains("&lt;img src=x onerror=alert(1)&gt;");
		mvc.perform(get("/outreach/comments").param("round", String.valueOf(round.id())).with(user(users.loadUserByUsername("officer"))))
			.andExpect(status().isForbidden());
	}

	private long comment(String text) {
		Map<String, List<String>> answers = StandardAnswers.complete();
		answers.put("Q12", List.of(text));
		return TestResponses.commentOf(jdbc, TestResponses.submitOnTheWeb(invitations, intake, round.id(), township, answers));
	}
}
