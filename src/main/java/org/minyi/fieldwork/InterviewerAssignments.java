package org.minyi.fieldwork;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which townships each interviewer calls in a round. "Next call" gives an assigned interviewer only
 * numbers of their townships; an interviewer without an assignment calls all of them.
 */
@Service
@Transactional
public class InterviewerAssignments {

	/** The roles that take calls. */
	static final Set<Role> CALLERS = EnumSet.of(Role.INTERVIEWER, Role.SURVEY_SUPERVISOR);

	private final JdbcClient jdbc;

	private final RoundManagement rounds;

	private final RoundTownships roundTownships;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	InterviewerAssignments(JdbcClient jdbc, RoundManagement rounds, RoundTownships roundTownships, AccountManagement accounts,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.roundTownships = roundTownships;
		this.accounts = accounts;
		this.events = events;
	}

	/** Enabled accounts that can take calls. */
	@Transactional(readOnly = true)
	public List<String> interviewers() {
		return accounts.enabledUsernames(CALLERS);
	}

	/** Replaces the townships of every interviewer named; an empty set means "all townships". */
	public void assign(long roundId, Map<String, Set<Long>> townshipsByInterviewer) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		Set<Long> townships = roundTownships.of(round).stream().map(UnitView::id).collect(Collectors.toSet());
		List<String> interviewers = interviewers();
		townshipsByInterviewer.forEach((interviewer, assigned) -> {
			if (!interviewers.contains(interviewer)) {
				throw BusinessRuleException.of("fieldwork.assign.error.interviewer");
			}
			if (!townships.containsAll(assigned)) {
				throw BusinessRuleException.of("fieldwork.assign.error.township");
			}
		});
		townshipsByInterviewer.forEach((interviewer, assigned) -> {
			jdbc.sql("delete from interviewer_township where survey_round = :round and interviewer = :who")
				.param("round", roundId).param("who", interviewer).update();
			assigned.forEach(township -> jdbc.sql("""
					insert into interviewer_township (survey_round, interviewer, township_id) values (:round, :who, :township)""")
				.param("round", roundId).param("who", interviewer).param("township", township).update());
		});
		events.publishEvent(AuditEvent.of("fieldwork.assign", "survey_round", roundId, townshipsByInterviewer.entrySet().stream()
			.map(e -> e.getKey() + "=" + new TreeSet<>(e.getValue()))
			.collect(Collectors.joining(", "))));
	}

	@Transactional(readOnly = true)
	public Map<String, Set<Long>> of(long roundId) {
		Map<String, Set<Long>> assigned = new TreeMap<>();
		jdbc.sql("select interviewer, township_id from interviewer_township where survey_round = :round")
			.param("round", roundId)
			.query(rs -> {
				assigned.computeIfAbsent(rs.getString(1), i -> new TreeSet<>()).add(rs.getLong(2));
			});
		return assigned;
	}

	/** The townships the interviewer calls in the round; empty for all. */
	@Transactional(readOnly = true)
	public Collection<Long> townships(long roundId, String interviewer) {
		return jdbc.sql("select township_id from interviewer_township where survey_round = :round and interviewer = :who")
			.param("round", roundId)
			.param("who", interviewer)
			.query(Long.class)
			.list();
	}
}
