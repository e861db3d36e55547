package org.minyi.fieldwork;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stratified random draws of numbers from a frame into a round's CATI work (STATISTICS.md §7).
 * Per township: the numbers not excluded (do-not-call, already in this round, completed in any round
 * within the configured months) are put in a random order reproducible from the draw's seed, cut
 * into replicates, and as many replicates released as the target completes need at the expected
 * completion rate; half as many again are drawn as reserve replicates, which supervisors release
 * one at a time when a township runs short — whole random replicates, so adding sample adds no bias.
 */
@Service
@Transactional
public class SampleDraws {

	/** Reserve drawn beyond the planned release, as a share of it. */
	static final double RESERVE_SHARE = 0.5;

	public record DrawRequest(long frameId, Map<Long, Integer> completesByTownship, BigDecimal completionRate,
			int replicateSize, Long seed, QuotaKind quotas) {
	}

	public enum QuotaKind {
		NONE, SOFT, HARD
	}

	public record DrawView(long id, long roundId, long frameId, long seed, BigDecimal completionRate, int replicateSize,
			int excluded, Instant createdAt, String createdBy, Map<Long, Integer> completes, Map<Long, Integer> drawn) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final SampleFrames frames;

	private final RoundManagement rounds;

	private final Quotas quotas;

	private final RoundTownships townships;

	private final FieldworkProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SampleDraws(JdbcClient jdbc, JdbcTemplate batch, SampleFrames frames, RoundManagement rounds, Quotas quotas,
			RoundTownships townships, FieldworkProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.townships = townships;
		this.jdbc = jdbc;
		this.batch = batch;
		this.frames = frames;
		this.rounds = rounds;
		this.quotas = quotas;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	public DrawView draw(long roundId, DrawRequest request) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (!round.kind().isFielded() || round.status() == RoundStatus.CLOSED || round.status() == RoundStatus.PUBLISHED) {
			throw BusinessRuleException.of("fieldwork.draw.error.round");
		}
		SampleFrames.FrameView frame = frames.find(request.frameId())
			.filter(f -> f.status() == SampleFrames.FrameStatus.ACTIVE)
			.filter(f -> f.roundId() == null || f.roundId() == roundId)
			.orElseThrow(() -> new BusinessRuleException("frameId", "fieldwork.draw.error.frame"));
		validate(request, round);
		long seed = request.seed() != null ? request.seed() : new SecureRandom().nextLong();
		Instant now = clock.instant();
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sample_draw (survey_round, frame_id, seed, completion_rate, replicate_size, excluded, created_at, created_by)
				values (:round, :frame, :seed, :rate, :size, 0, :at, :by)""")
			.param("round", roundId)
			.param("frame", frame.id())
			.param("seed", seed)
			.param("rate", request.completionRate())
			.param("size", request.replicateSize())
			.param("at", SqlTimes.bind(now))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update(key, "id");
		long drawId = key.getKey().longValue();
		int excluded = 0;
		for (var target : new TreeMap<>(request.completesByTownship()).entrySet()) {
			excluded += drawTownship(roundId, drawId, frame.id(), target.getKey(), target.getValue(), request, seed, now);
		}
		jdbc.sql("update sample_draw set excluded = :excluded where id = :id").param("excluded", excluded).param("id", drawId).update();
		if (request.quotas() != QuotaKind.NONE) {
			quotas.plan(roundId, request.completesByTownship(), request.quotas() == QuotaKind.HARD);
		}
		DrawView view = find(drawId).orElseThrow();
		events.publishEvent(AuditEvent.of("fieldwork.draw", "sample_draw", drawId, "round=" + roundId + ", frame=" + frame.id()
				+ ", seed=" + seed + ", drawn=" + view.drawn().values().stream().mapToInt(Integer::intValue).sum()
				+ ", excluded=" + excluded + ", quotas=" + request.quotas()));
		return view;
	}

	/** Releases the township's next reserve replicate; returns how many numbers it released. */
	public int releaseReplicate(long roundId, long townshipId) {
		int replicate = jdbc.sql("""
				select replicate from call_case where survey_round = :round and township_id = :township and status = 'RESERVE'
				order by replicate limit 1""")
			.param("round", roundId)
			.param("township", townshipId)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> BusinessRuleException.of("fieldwork.draw.error.noReserve"));
		int released = jdbc.sql("""
				update call_case set status = 'PENDING'
				where survey_round = :round and township_id = :township and replicate = :replicate and status = 'RESERVE'""")
			.param("round", roundId)
			.param("township", townshipId)
			.param("replicate", replicate)
			.update();
		events.publishEvent(AuditEvent.of("fieldwork.release", "survey_round", roundId, "township=" + townshipId + ", replicate="
				+ replicate + ", numbers=" + released));
		return released;
	}

	@Transactional(readOnly = true)
	public List<DrawView> list(long roundId) {
		return jdbc.sql("select id from sample_draw where survey_round = :round order by id")
			.param("round", roundId)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<DrawView> find(long drawId) {
		Map<Long, Integer> completes = new LinkedHashMap<>();
		Map<Long, Integer> drawn = new LinkedHashMap<>();
		jdbc.sql("select township_id, completes, drawn from draw_target where draw_id = :id order by township_id")
			.param("id", drawId)
			.query(rs -> {
				completes.put(rs.getLong(1), rs.getInt(2));
				drawn.put(rs.getLong(1), rs.getInt(3));
			});
		return jdbc.sql("select * from sample_draw where id = :id")
			.param("id", drawId)
			.query((rs, n) -> draw(rs, completes, drawn))
			.optional();
	}

	private void validate(DrawRequest request, RoundView round) {
		if (request.completionRate() == null || request.completionRate().signum() <= 0
				|| request.completionRate().compareTo(BigDecimal.ONE) > 0) {
			throw new BusinessRuleException("completionRate", "fieldwork.draw.error.rate");
		}
		if (request.replicateSize() < 1 || request.replicateSize() > 10_000) {
			throw new BusinessRuleException("replicateSize", "fieldwork.draw.error.replicateSize");
		}
		Set<Long> townshipsInScope = townships.of(round).stream().map(UnitView::id).collect(Collectors.toSet());
		if (request.completesByTownship().isEmpty()) {
			throw new BusinessRuleException("completes", "fieldwork.draw.error.completes");
		}
		request.completesByTownship().forEach((township, completes) -> {
			if (!townshipsInScope.contains(township) || completes == null || completes < 1 || completes > 100_000) {
				throw new BusinessRuleException("completes", "fieldwork.draw.error.completes");
			}
		});
	}

	/** Draws one township; returns how many of its frame numbers were excluded. */
	private int drawTownship(long roundId, long drawId, long frameId, long townshipId, int completes, DrawRequest request,
			long seed, Instant now) {
		int inFrame = jdbc.sql("select count(*) from frame_number where frame_id = :frame and township_id = :township")
			.param("frame", frameId)
			.param("township", townshipId)
			.query(Integer.class)
			.single();
		List<Long> eligible = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		jdbc.sql("""
				select n.id, n.phone_hash from frame_number n
				where n.frame_id = :frame and n.township_id = :township
				  and not exists (select 1 from do_not_call d where d.phone_hash = n.phone_hash)
				  and not exists (select 1 from call_case c where c.phone_hash = n.phone_hash
				    and (c.survey_round = :round or (c.last_disposition = 'COMPLETE' and c.finished_at >= :since)))
				order by n.id""")
			.param("frame", frameId)
			.param("township", townshipId)
			.param("round", roundId)
			.param("since", SqlTimes.bind(now.atOffset(ZoneOffset.UTC).minusMonths(properties.recentInterviewMonths()).toInstant()))
			.query(rs -> {
				eligible.add(rs.getLong(1));
				hashes.add(rs.getString(2));
			});
		int[] order = shuffled(eligible.size(), seed, townshipId);
		int release = (int) Math.ceil(completes / request.completionRate().doubleValue());
		int wanted = Math.min(order.length, (int) Math.ceil(release * (1 + RESERVE_SHARE)));
		int size = request.replicateSize();
		int firstReplicate = nextReplicate(roundId, townshipId);
		List<Object[]> rows = new ArrayList<>(wanted);
		for (int i = 0; i < wanted; i++) {
			int replicate = i / size;
			boolean released = replicate * size < release;
			int index = order[i];
			rows.add(new Object[] { roundId, drawId, eligible.get(index), hashes.get(index), townshipId,
					firstReplicate + replicate, released ? CaseStatus.PENDING.name() : CaseStatus.RESERVE.name() });
		}
		batch.batchUpdate("""
				insert into call_case (survey_round, draw_id, frame_number_id, phone_hash, township_id, replicate, status,
				  attempts, quota_reserved)
				values (?, ?, ?, ?, ?, ?, ?, 0, false)""", rows);
		jdbc.sql("insert into draw_target (draw_id, township_id, completes, drawn) values (:draw, :township, :completes, :drawn)")
			.param("draw", drawId)
			.param("township", townshipId)
			.param("completes", completes)
			.param("drawn", wanted)
			.update();
		return inFrame - eligible.size();
	}

	/**
	 * A random permutation of 0..n-1 (Fisher–Yates) from the draw's seed and the township, so that
	 * the same frame, exclusions and seed give the same numbers in the same order.
	 */
	static int[] shuffled(int n, long seed, long townshipId) {
		Random random = new Random(seed ^ (townshipId * 0x9E3779B97F4A7C15L));
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	private int nextReplicate(long roundId, long townshipId) {
		return jdbc.sql("select coalesce(max(replicate), 0) + 1 from call_case where survey_round = :round and township_id = :township")
			.param("round", roundId)
			.param("township", townshipId)
			.query(Integer.class)
			.single();
	}

	private static DrawView draw(ResultSet rs, Map<Long, Integer> completes, Map<Long, Integer> drawn) throws SQLException {
		return new DrawView(rs.getLong("id"), rs.getLong("survey_round"), rs.getLong("frame_id"), rs.getLong("seed"),
				rs.getBigDecimal("completion_rate"), rs.getInt("replicate_size"), rs.getInt("excluded"),
				SqlTimes.instant(rs, "created_at"), rs.getString("created_by"), completes, drawn);
	}
}
