package org.minyi.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.crypto.SecretKeys;
import org.minyi.survey.invitation.InvitationToken;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes residents' answers: page by page with partial saving on the web, or whole through the
 * API. A response is stored once per invitation or open-link device — the claim on the invitation
 * (or device) and the insert happen in one transaction, so a double click, a retried request or a
 * replayed token can never create a second response. Responses are append-only (ADR 0005).
 */
@Service
@Transactional
public class ResponseIntake {

	static final String DEVICE_KEY = "device";

	private static final TypeReference<Map<String, List<String>>> ANSWER_MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final InstrumentCatalog instruments;

	private final ResidenceDirectory residence;

	private final SecretKeys keys;

	private final ObjectMapper json;

	private final SurveyComments comments;

	private final Clock clock;

	/** Published instrument versions never change, so their parsed definitions can be kept. */
	private final Cache<Long, InstrumentDefinition> definitions = Caffeine.newBuilder().maximumSize(64).build();

	ResponseIntake(JdbcClient jdbc, InstrumentCatalog instruments, ResidenceDirectory residence, SecretKeys keys,
			ObjectMapper json, SurveyComments comments, Clock clock) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.residence = residence;
		this.keys = keys;
		this.json = json;
		this.comments = comments;
		this.clock = clock;
	}

	/** The invitation a token stands for; unknown or malformed tokens are "not found". */
	@Transactional(readOnly = true)
	public RespondentEntry byToken(String token) {
		if (!InvitationToken.wellFormed(token)) {
			throw new RecordNotFoundException("invitation", "?");
		}
		String hash = InvitationToken.hash(token);
		return jdbc.sql("""
				select i.id, i.survey_round, b.township_id, b.community_id
				from invitation i join invitation_batch b on b.id = i.batch_id where i.token_hash = :hash""")
			.param("hash", hash)
			.query((rs, n) -> new RespondentEntry(rs.getLong(2), Channel.INVITATION, rs.getLong(1), hash, rs.getLong(3),
					rs.getObject(4, Long.class)))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("invitation", "?"));
	}

	/** A device on a round's open link, known by a keyed hash of its random cookie value. */
	@Transactional(readOnly = true)
	public RespondentEntry byOpenLink(long roundId, String deviceId) {
		if (!gate(roundId).openLink()) {
			throw new RecordNotFoundException("round", roundId);
		}
		return new RespondentEntry(roundId, Channel.OPEN_LINK, null, keys.keyedHash(DEVICE_KEY, roundId + ":" + deviceId),
				null, null);
	}

	@Transactional(readOnly = true)
	public Questionnaire open(RespondentEntry entry) {
		RoundGate round = gate(entry.roundId());
		InstrumentDefinition definition = definition(round.instrumentVersionId());
		Optional<Draft> draft = draft(entry);
		Answers answers = draft.map(Draft::answers).orElseGet(() -> prefilled(definition, entry));
		int page = draft.map(Draft::page).orElseGet(() -> Questionnaire.pages(definition, answers).get(0));
		return new Questionnaire(entry.roundId(), round.name(), definition, answers, page,
				draft.map(Draft::startedAt).orElse(null), answered(entry), round.accepts(entry.channel()));
	}

	/**
	 * Starts an interview with what the interviewer already knows (screening answers such as gender
	 * and age group). An interview broken off earlier resumes where it stopped — unless the known
	 * answers differ from the saved ones: then someone else is answering, and it starts afresh.
	 */
	public Questionnaire begin(RespondentEntry entry, Map<String, List<String>> known) {
		Questionnaire current = open(entry);
		requireOpen(current);
		boolean sameRespondent = known.entrySet().stream()
			.allMatch(answer -> answer.getValue().equals(current.answers().get(answer.getKey())));
		if (draft(entry).isPresent() && sameRespondent) {
			return current;
		}
		Map<String, List<String>> answers = prefilled(current.definition(), entry).asMap();
		answers.putAll(known);
		Answers given = withoutHidden(current.definition(), Answers.of(answers));
		discard(entry);
		saveDraft(entry, given, Questionnaire.pages(current.definition(), given).get(0), clock.instant());
		return open(entry);
	}
	/** Forgets the partial answers of an entry that will not be submitted (a closed telephone case). */
	public void discard(RespondentEntry entry) {
		jdbc.sql("delete from response_draft where draft_key = :key").param("key", entry.draftKey()).update();
	}

	/**
	 * Saves one page's answers and moves forward (checking the page) or back. Moving forward past the
	 * last page, or giving a screening answer that ends the interview, submits the response.
	 */
	public PageStep answerPage(RespondentEntry entry, int page, Map<String, List<String>> given, boolean forward) {
		Questionnaire current = open(entry);
		requireOpen(current);
		InstrumentDefinition definition = current.definition();
		if (page < 0 || page >= definition.sections().size()) {
			throw BusinessRuleException.of("response.error.page");
		}
		Map<String, List<String>> merged = current.answers().asMap();
		for (Question question : definition.sections().get(page).questions()) {
			merged.remove(question.id());
			if (given.containsKey(question.id())) {
				merged.put(question.id(), given.get(question.id()));
			}
		}
		Answers answers = withoutHidden(definition, Answers.of(merged));
		Instant startedAt = current.startedAt() != null ? current.startedAt() : clock.instant();
		if (!forward) {
			int previous = Questionnaire.pages(definition, answers).stream().filter(p -> p < page).reduce((a, b) -> b).orElse(page);
			saveDraft(entry, answers, previous, startedAt);
			return new PageStep(current.at(answers, previous, startedAt), List.of(), null);
		}
		List<AnswerProblem> problems = pageProblems(definition, page, answers);
		Optional<Integer> next = Questionnaire.pages(definition, answers).stream().filter(p -> p > page).findFirst();
		if (!problems.isEmpty() || (next.isPresent() && !definition.screenedOut(answers))) {
			int shown = problems.isEmpty() ? next.get() : page;
			saveDraft(entry, answers, shown, startedAt);
			return new PageStep(current.at(answers, shown, startedAt), problems, null);
		}
		return new PageStep(current.at(answers, page, startedAt), List.of(),
				submit(entry, answers, entry.channel().mode(), startedAt));
	}

	/**
	 * Stores a whole response after checking it against the instrument. Throws
	 * {@link InvalidAnswersException} for answers that do not fit, and {@link BusinessRuleException}
	 * when the round is not open or the invitation or device has already answered; then nothing is
	 * stored.
	 */
	public Submission submit(RespondentEntry entry, Answers answers, Mode mode, Instant startedAt) {
		RoundGate round = gate(entry.roundId());
		if (!round.accepts(entry.channel())) {
			throw BusinessRuleException.of("response.error.roundClosed");
		}
		InstrumentDefinition definition = definition(round.instrumentVersionId());
		List<AnswerProblem> problems = definition.check(answers, true, residence);
		if (!problems.isEmpty()) {
			throw new InvalidAnswersException(problems);
		}
		Instant now = clock.instant();
		if (!claim(entry, now)) {
			throw BusinessRuleException.of("response.error.alreadySubmitted");
		}
		ResponseOutcome outcome = definition.screenedOut(answers) ? ResponseOutcome.SCREENED_OUT : ResponseOutcome.COMPLETE;
		Instant started = startedAt == null || startedAt.isAfter(now) ? null : startedAt;
		Long stratum = residenceUnit(definition, answers, QuestionType.TOWNSHIP).orElse(entry.townshipId());
		Long community = residenceUnit(definition, answers, QuestionType.COMMUNITY).orElse(entry.communityId());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into survey_response (survey_round, instrument_version_id, mode, channel, outcome, stratum_unit_id,
				  community_unit_id, started_at, submitted_at, duration_seconds, invitation_id, answers)
				values (:round, :version, :mode, :channel, :outcome, :stratum, :community, :started, :submitted, :duration,
				  :invitation, :answers)""")
			.param("round", entry.roundId())
			.param("version", round.instrumentVersionId())
			.param("mode", mode.name())
			.param("channel", entry.channel().name())
			.param("outcome", outcome.name())
			.param("stratum", stratum)
			.param("community", community)
			.param("started", started == null ? null : SqlTimes.bind(started))
			.param("submitted", SqlTimes.bind(now))
			.param("duration", started == null ? null : (int) Duration.between(started, now).toSeconds())
			.param("invitation", entry.invitationId())
			.param("answers", json.writeValueAsString(answers.asMap()))
			.update(key, "id");
		long responseId = key.getKeyAs(Number.class).longValue();
		comments.keep(responseId, entry.roundId(), stratum, community, now, SurveyComments.textAnswers(definition, answers));
		discard(entry);
		return new Submission(responseId, outcome);
	}

	/** {@link #submit} for the invitation of a token, in one transaction (the API's path). */
	public Submission submitWithToken(String token, Answers answers, Mode mode, Instant startedAt) {
		return submit(byToken(token), answers, mode, startedAt);
	}

	private static void requireOpen(Questionnaire questionnaire) {
		if (questionnaire.answered()) {
			throw BusinessRuleException.of("response.error.alreadySubmitted");
		}
		if (!questionnaire.open()) {
			throw BusinessRuleException.of("response.error.roundClosed");
		}
	}

	/**
	 * Claims the invitation or device for this response; false when it has already answered. An
	 * interview is claimed by its fieldwork case, which closes once in the submitting transaction.
	 */
	private boolean claim(RespondentEntry entry, Instant now) {
		if (entry.channel() == Channel.INTERVIEW) {
			return true;
		}
		if (entry.channel() == Channel.INVITATION) {
			return jdbc.sql("update invitation set used_at = :now where id = :id and used_at is null")
				.param("now", SqlTimes.bind(now))
				.param("id", entry.invitationId())
				.update() == 1;
		}
		return jdbc.sql("""
				insert into open_link_device (survey_round, device_hash, answered_at) values (:round, :device, :now)
				on conflict do nothing""")
			.param("round", entry.roundId())
			.param("device", entry.draftKey())
			.param("now", SqlTimes.bind(now))
			.update() == 1;
	}

	private boolean answered(RespondentEntry entry) {
		if (entry.channel() == Channel.INTERVIEW) {
			return false;
		}
		String sql = entry.channel() == Channel.INVITATION
				? "select count(*) from invitation where id = :id and used_at is not null"
				: "select count(*) from open_link_device where survey_round = :round and device_hash = :device";
		return jdbc.sql(sql)
			.paramSource(new MapSqlParameterSource()
				.addValue("id", entry.invitationId())
				.addValue("round", entry.roundId())
				.addValue("device", entry.draftKey()))
			.query(Long.class)
			.single() > 0;
	}

	/** The page's own problems; required answers only count when the interview goes on. */
	private List<AnswerProblem> pageProblems(InstrumentDefinition definition, int page, Answers answers) {
		List<Question> questions = definition.sections().get(page).questions();
		Set<String> ids = questions.stream().map(Question::id).collect(Collectors.toSet());
		List<AnswerProblem> problems = new ArrayList<>(definition.check(answers, false, residence).stream()
			.filter(p -> ids.contains(p.question()))
			.toList());
		if (!definition.screenedOut(answers)) {
			questions.stream()
				.filter(q -> q.required() && q.isShown(answers) && !answers.has(q.id()))
				.forEach(q -> problems.add(new AnswerProblem(q.id(), followsOnPage(q, ids) ? "answer.error.followUp" : "answer.error.required")));
		}
		return problems;
	}

	/** A question that an answer on its own page has just revealed: the respondent has not seen it yet. */
	private static boolean followsOnPage(Question question, Set<String> pageQuestions) {
		return question.showWhen() != null && pageQuestions.contains(question.showWhen().question());
	}

	/** Drops answers to questions that earlier answers now hide (e.g. Q1a after changing Q1 to "safe"). */
	private static Answers withoutHidden(InstrumentDefinition definition, Answers answers) {
		Answers current = answers;
		while (true) {
			Answers shown = current;
			Map<String, List<String>> kept = shown.asMap();
			kept.keySet().removeIf(id -> definition.question(id).map(q -> !q.isShown(shown)).orElse(true));
			if (kept.size() == shown.questions().size()) {
				return shown;
			}
			current = Answers.of(kept);
		}
	}

	/** An invitation's township and community are the first guess at the respondent's residence. */
	private Answers prefilled(InstrumentDefinition definition, RespondentEntry entry) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (Question question : definition.questions()) {
			Long unit = question.type() == QuestionType.TOWNSHIP ? entry.townshipId()
					: question.type() == QuestionType.COMMUNITY ? entry.communityId() : null;
			if (unit != null) {
				residence.code(unit).ifPresent(code -> answers.put(question.id(), List.of(code)));
			}
		}
		return Answers.of(answers);
	}

	private Optional<Long> residenceUnit(InstrumentDefinition definition, Answers answers, QuestionType type) {
		return definition.questions().stream()
			.filter(q -> q.type() == type && answers.has(q.id()))
			.findFirst()
			.flatMap(q -> (type == QuestionType.TOWNSHIP ? residence.township(answers.get(q.id()).get(0))
					: residence.community(answers.get(q.id()).get(0))))
			.map(UnitView::id);
	}

	private Optional<Draft> draft(RespondentEntry entry) {
		return jdbc.sql("select answers, page, started_at from response_draft where draft_key = :key")
			.param("key", entry.draftKey())
			.query((rs, n) -> new Draft(Answers.of(json.readValue(rs.getString(1), ANSWER_MAP)), rs.getInt(2),
					SqlTimes.instant(rs, "started_at")))
			.optional();
	}

	private void saveDraft(RespondentEntry entry, Answers answers, int page, Instant startedAt) {
		String stored = json.writeValueAsString(answers.asMap());
		Instant now = clock.instant();
		int updated = jdbc.sql("update response_draft set answers = :answers, page = :page, updated_at = :now where draft_key = :key")
			.param("answers", stored)
			.param("page", page)
			.param("now", SqlTimes.bind(now))
			.param("key", entry.draftKey())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into response_draft (draft_key, survey_round, answers, page, started_at, updated_at)
					values (:key, :round, :answers, :page, :started, :now)""")
				.param("key", entry.draftKey())
				.param("round", entry.roundId())
				.param("answers", stored)
				.param("page", page)
				.param("started", SqlTimes.bind(startedAt))
				.param("now", SqlTimes.bind(now))
				.update();
		}
	}

	private InstrumentDefinition definition(long versionId) {
		return definitions.get(versionId, id -> instruments.find(id).orElseThrow().definition());
	}

	private RoundGate gate(long roundId) {
		return jdbc.sql("select name, status, modes, open_link, instrument_version_id from survey_round where id = :id")
			.param("id", roundId)
			.query(RoundGate::row)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("round", roundId));
	}

	private record Draft(Answers answers, int page, Instant startedAt) {
	}

	/** The few facts about a round that every submission checks, read without loading the aggregate. */
	private record RoundGate(String name, RoundStatus status, Set<Mode> modes, boolean openLink, long instrumentVersionId) {

		static RoundGate row(ResultSet rs, int n) throws SQLException {
			return new RoundGate(rs.getString("name"), RoundStatus.valueOf(rs.getString("status")),
					Mode.parse(rs.getString("modes")), rs.getBoolean("open_link"), rs.getLong("instrument_version_id"));
		}

		boolean accepts(Channel channel) {
			return status == RoundStatus.FIELDING && modes.contains(channel.mode())
					&& (channel != Channel.OPEN_LINK || openLink);
		}
	}
}
