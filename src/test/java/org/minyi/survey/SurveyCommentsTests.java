package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.survey.SurveyComments.Comment;
import org.minyi.survey.SurveyComments.CommentStatus;
import org.minyi.survey.invitation.Invitations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Survey comments kept apart from responses: at submission, by the backfill migration for older
 * responses, listed by round, township and state, invalidated responses left out, and the review
 * state changed once.
 */
@MinyiTest
class SurveyCommentsTests {

	@Autowired
	ResponseIntake intake;

	@Autowired
	Invitations invitations;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	ResponseInvalidations invalidations;

	@Autowired
	SurveyComments comments;

	@Autowired
	CommentBackfill backfill;

	@Autowired
	UnitManagement units;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	RoundView round;

	@BeforeEach
	void fieldingRound() {
		round = TestRounds.fielding(rounds, instruments, "comment test", Set.of(Mode.WEB));
	}

	@Test
	void aCommentIsKeptAtSubmissionWithWhereTheRespondentLivesAndBlankOnesAreNot() {
		long responseId = answer("YJCG", "  路灯坏了三个月没人修  ");
		answer("YJCG", "   ");
		answer("YJCG", null);

		List<Comment> kept = comments.page(round.id(), null, CommentStatus.NEW, PageRequest.of(0, 50, null, null)).comments().items();

		assertThat(kept).singleElement().satisfies(comment -> {
			assertThat(comment.text()).isEqualTo("路灯坏了三个月没人修");
			assertThat(comment.questionCode()).isEqualTo("Q12");
			assertThat(comment.townshipId()).isEqualTo(units.findByCode("YJCG").orElseThrow().id());
			assertThat(comment.communityId()).isEqualTo(units.findByCode("YJCG02").orElseThrow().id());
			assertThat(comment.status()).isEqualTo(CommentStatus.NEW);
		});
		assertThat(jdbc.sql("select response_id from response_comment where survey_round = :r").param("r", round.id()).query(Long.class).single())
			.isEqualTo(responseId);
	}

	@Test
	void commentsAreListedByTownshipAndStateNewestFirstAndInvalidatedResponsesAreLeftOut() {
		answer("YJCG", "第一条");
		long second = answer("YJCG", "第二条");
		answer("YJHK", "另一个镇的意见");
		long fabricated = answer("YJCG", "编造的访问");
		invalidations.invalidate(fabricated, "核查为编造");
		long township = units.findByCode("YJCG").orElseThrow().id();

		assertThat(comments.page(round.id(), township, CommentStatus.NEW, PageRequest.of(0, 50, null, null)).comments().items())
			.extracting(Comment::text).containsExactly("第二条", "第一条");
		assertThat(comments.page(round.id(), null, CommentStatus.NEW, PageRequest.of(0, 1, null, null))).satisfies(page -> {
			assertThat(page.counts()).isEqualTo(new SurveyComments.CommentCounts(3, 0, 0));
			assertThat(page.comments().total()).isEqualTo(3);
			assertThat(page.comments().items()).extracting(Comment::text).containsExactly("另一个镇的意见");
		});

		long secondComment = commentOf(second);
		comments.setAside(secondComment);
		SurveyComments.CommentPage setAside = comments.page(round.id(), township, CommentStatus.SET_ASIDE, PageRequest.of(0, 50, null, null));
		assertThat(setAside.counts()).isEqualTo(new SurveyComments.CommentCounts(1, 0, 1));
		assertThat(setAside.comments().items()).extracting(Comment::text).containsExactly("第二条");
		assertThat(comments.find(commentOf(fabricated))).isEmpty();
	}

	@Test
	void aCommentIsDecidedOnOnceAndASetAsideOneCanBeRestored() {
		long comment = commentOf(answer("YJCG", "希望增加巡逻"));
		comments.takeUp(comment, "SQ20261129-ABCDE");

		assertThatThrownBy(() -> comments.setAside(comment)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("survey.comment.error.decided");
		assertThatThrownBy(() -> comments.takeUp(comment, "SQ20261129-FGHIJ")).hasMessage("survey.comment.error.decided");
		assertThat(comments.find(comment).orElseThrow().reference()).isEqualTo("SQ20261129-ABCDE");

		long other = commentOf(answer("YJCG", "小区门口积水"));
		comments.setAside(other);
		comments.restore(other);
		assertThat(comments.find(other).orElseThrow().status()).isEqualTo(CommentStatus.NEW);
		assertThatThrownBy(() -> comments.restore(other)).hasMessage("survey.comment.error.decided");
	}

	@Test
	void theBackfillKeepsTheCommentsOfResponsesStoredBeforeCommentsWereAndAddsNothingTwice() throws Exception {
		long older = answer("YJCG", "升级前留下的意见");
		answer("YJCG", "升级后留下的意见");
		jdbc.sql("delete from response_comment where response_id = :id").param("id", older).update();

		migrate();
		migrate();

		assertThat(jdbc.sql("select text from response_comment where survey_round = :r order by text").param("r", round.id())
			.query(String.class).list()).containsExactly("升级前留下的意见", "升级后留下的意见");
		assertThat(jdbc.sql("select stratum_unit_id from response_comment where response_id = :id").param("id", older)
			.query(Long.class).single()).isEqualTo(units.findByCode("YJCG").orElseThrow().id());
	}

	private void migrate() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			backfill.migrate(connection);
		}
	}

	/** Submits a complete response from the township with the comment (null: no answer to Q12). */
	private long answer(String townshipCode, String comment) {
		Map<String, List<String>> answers = StandardAnswers.complete();
		answers.put("S3", List.of(townshipCode));
		answers.put("S4", List.of(townshipCode + "02"));
		if (comment != null) {
			answers.put("Q12", List.of(comment));
		}
		return TestResponses.submitOnTheWeb(invitations, intake, round.id(), units.findByCode(townshipCode).orElseThrow().id(), answers);
	}

	private long commentOf(long responseId) {
		return TestResponses.commentOf(jdbc, responseId);
	}
}
