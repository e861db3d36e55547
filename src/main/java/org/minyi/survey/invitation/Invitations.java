package org.minyi.survey.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.crypto.FieldCipher;
import org.minyi.platform.crypto.SecretKeys;
import org.minyi.platform.security.CurrentUser;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use invitations to a round's web questionnaire, generated in batches per township or
 * community. A token is shown only to staff who print the batch; residents reach the questionnaire
 * with it, and it can be answered once.
 */
@Service
@Transactional
public class Invitations {

	public static final int MAX_BATCH = 20_000;

	static final String KEY = "invitation";

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final SecretKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(JdbcClient jdbc, JdbcTemplate batchJdbc, RoundManagement rounds, UnitManagement units, SecretKeys keys,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.rounds = rounds;
		this.units = units;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Generates {@code size} invitations for a township of the round or a community of such a
	 * township, and returns the new batch.
	 */
	public InvitationBatch generate(long roundId, long unitId, int size) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (!round.modes().contains(Mode.WEB) || round.status() == RoundStatus.CLOSED || round.status() == RoundStatus.PUBLISHED) {
			throw BusinessRuleException.of("invitation.error.round");
		}
		if (size < 1 || size > MAX_BATCH) {
			throw new BusinessRuleException("size", "invitation.error.size", MAX_BATCH);
		}
		UnitView unit = units.findById(unitId).filter(UnitView::active)
			.orElseThrow(() -> new BusinessRuleException("unitId", "invitation.error.unit"));
		long township = townshipOf(unit, round);
		Instant now = clock.instant();
		String by = CurrentUser.get().map(CurrentUser::username).orElse("system");
		KeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into invitation_batch (survey_round, township_id, community_id, size, created_at, created_by)
				values (:round, :township, :community, :size, :at, :by)""")
			.param("round", roundId)
			.param("township", township)
			.param("community", unit.kind() == UnitKind.COMMUNITY ? unit.id() : null)
			.param("size", size)
			.param("at", SqlTimes.bind(now))
			.param("by", by)
			.update(generated, "id");
		long batchId = generated.getKey().longValue();
		insertTokens(batchId, roundId, size);
		events.publishEvent(AuditEvent.of("invitation.generate", "round", roundId,
				"batch=" + batchId + ", unit=" + unit.code() + ", size=" + size));
		return batch(batchId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<InvitationBatch> batches(long roundId) {
		return jdbc.sql(BATCH_QUERY + " where b.survey_round = :round group by " + BATCH_COLUMNS + " order by b.id desc")
			.param("round", roundId)
			.query(Invitations::batchRow)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<InvitationBatch> batch(long batchId) {
		return jdbc.sql(BATCH_QUERY + " where b.id = :id group by " + BATCH_COLUMNS).param("id", batchId)
			.query(Invitations::batchRow)
			.optional();
	}

	/** The tokens of a batch in the order they were generated, opened for printing (audited). */
	public List<IssuedInvitation> tokens(long batchId) {
		InvitationBatch batch = batch(batchId).orElseThrow(() -> new RecordNotFoundException("invitation batch", batchId));
		FieldCipher cipher = keys.cipher(KEY);
		List<IssuedInvitation> tokens = new ArrayList<>(batch.size());
		jdbc.sql("select token_sealed, used_at from invitation where batch_id = :batch order by id")
			.param("batch", batchId)
			.query(rs -> {
				tokens.add(new IssuedInvitation(tokens.size() + 1, cipher.open(rs.getString(1)), rs.getObject(2) != null));
			});
		events.publishEvent(AuditEvent.of("invitation.print", "round", batch.roundId(), "batch=" + batchId));
		return tokens;
	}

	private long townshipOf(UnitView unit, RoundView round) {
		long township = switch (unit.kind()) {
			case TOWNSHIP -> unit.id();
			case COMMUNITY -> unit.parentId();
			default -> throw new BusinessRuleException("unitId", "invitation.error.unit");
		};
		if (round.targets().stream().noneMatch(t -> t.unitId() == township)) {
			throw new BusinessRuleException("unitId", "invitation.error.unit");
		}
		return township;
	}

	private void insertTokens(long batchId, long roundId, int size) {
		FieldCipher cipher = keys.cipher(KEY);
		List<Object[]> rows = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String token = InvitationToken.generate();
			rows.add(new Object[] { batchId, roundId, InvitationToken.hash(token), cipher.seal(token) });
		}
		batchJdbc.batchUpdate("insert into invitation (batch_id, survey_round, token_hash, token_sealed) values (?, ?, ?, ?)", rows);
	}

	private static final String BATCH_COLUMNS = "b.id, b.survey_round, b.township_id, b.community_id, b.size, b.created_at, b.created_by";

	private static final String BATCH_QUERY = "select " + BATCH_COLUMNS + ", count(i.used_at) as used"
			+ " from invitation_batch b left join invitation i on i.batch_id = b.id";

	private static InvitationBatch batchRow(ResultSet rs, int row) throws SQLException {
		return new InvitationBatch(rs.getLong("id"), rs.getLong("survey_round"), rs.getLong("township_id"),
				rs.getObject("community_id", Long.class), rs.getInt("size"), rs.getInt("used"),
				SqlTimes.instant(rs, "created_at"), rs.getString("created_by"));
	}
}
