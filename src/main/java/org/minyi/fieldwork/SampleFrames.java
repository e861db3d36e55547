package org.minyi.fieldwork;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.TabularFileException;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.survey.RoundManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Sample frames: imported lists of telephone numbers with township, community, gender and age
 * group. An import streams the file (CSV in UTF-8 or GBK, or XLSX), keeps every valid number once,
 * sealed, and reports every refused row; a file that cannot be read at all, or lacks the phone or
 * township column, imports nothing. Purging destroys the numbers and keeps the counts.
 */
@Service
@Transactional
public class SampleFrames {

	/** More rows than any district's list; a bigger file is refused before it fills the disk. */
	static final int MAX_ROWS = 2_000_000;

	public enum FrameStatus {
		ACTIVE, PURGED
	}

	public record FrameView(long id, String name, Long roundId, FrameStatus status, int imported, int duplicates, int invalid,
			int unknownTownships, Instant createdAt, String createdBy, Instant purgedAt) {

		public int rejected() {
			return invalid + unknownTownships;
		}
	}

	/** A number as lists show it: masked, never in clear. */
	public record FrameNumber(long id, String masked, String kind, long townshipId, Long communityId, String gender, String ageGroup) {
	}

	public record Rejection(int row, String reason, String value) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final UnitManagement units;

	private final RoundManagement rounds;

	private final PersonalData personalData;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SampleFrames(JdbcClient jdbc, JdbcTemplate batch, UnitManagement units, RoundManagement rounds, PersonalData personalData,
			MessageSource messages, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.units = units;
		this.rounds = rounds;
		this.personalData = personalData;
		this.messages = messages;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Imports a file into a new frame and returns it with its counts. Throws a
	 * {@link BusinessRuleException} (and stores nothing) when the file as a whole cannot be used.
	 */
	public FrameView importFile(String name, Long roundId, InputStream file) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new BusinessRuleException("name", "fieldwork.frame.error.name");
		}
		if (roundId != null && rounds.find(roundId).filter(r -> r.kind().isFielded()).isEmpty()) {
			throw new BusinessRuleException("round", "fieldwork.frame.error.round");
		}
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sample_frame (name, survey_round, status, imported, duplicates, invalid, unknown_townships, created_at, created_by)
				values (:name, :round, 'ACTIVE', 0, 0, 0, 0, :at, :by)""")
			.param("name", name.strip())
			.param("round", roundId)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update(key, "id");
		long id = key.getKey().longValue();
		FrameImport rows = new FrameImport(id, units.list(DataScope.wholeDistrict()), batch, personalData, messages, json);
		try {
			TabularReader.read(file, MAX_ROWS, rows);
		}
		catch (TabularFileException e) {
			throw BusinessRuleException.of(e.messageKey(), e.arguments());
		}
		catch (FrameImport.Refused e) {
			throw e.reason;
		}
		rows.flush();
		if (rows.imported + rows.duplicates + rows.invalid + rows.unknownTownships == 0) {
			throw BusinessRuleException.of("tabular.error.noData");
		}
		jdbc.sql("""
				update sample_frame set imported = :imported, duplicates = :duplicates, invalid = :invalid,
				  unknown_townships = :unknown where id = :id""")
			.param("imported", rows.imported)
			.param("duplicates", rows.duplicates)
			.param("invalid", rows.invalid)
			.param("unknown", rows.unknownTownships)
			.param("id", id)
			.update();
		events.publishEvent(AuditEvent.of("fieldwork.frame.import", "sample_frame", id, "imported=" + rows.imported + ", duplicates="
				+ rows.duplicates + ", invalid=" + rows.invalid + ", unknownTownships=" + rows.unknownTownships));
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<FrameView> list() {
		return jdbc.sql("select * from sample_frame order by id desc").query(SampleFrames::frame).list();
	}

	@Transactional(readOnly = true)
	public Optional<FrameView> find(long id) {
		return jdbc.sql("select * from sample_frame where id = :id").param("id", id).query(SampleFrames::frame).optional();
	}

	@Transactional(readOnly = true)
	public PageResult<FrameNumber> numbers(long frameId, PageRequest page) {
		long total = jdbc.sql("select count(*) from frame_number where frame_id = :id").param("id", frameId).query(Long.class).single();
		List<FrameNumber> items = jdbc.sql("""
				select id, phone_masked, phone_kind, township_id, community_id, gender, age_group from frame_number
				where frame_id = :id order by id limit :limit offset :offset""")
			.param("id", frameId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new FrameNumber(rs.getLong("id"), rs.getString("phone_masked"), rs.getString("phone_kind"),
					rs.getLong("township_id"), rs.getObject("community_id", Long.class), rs.getString("gender"), rs.getString("age_group")))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The refused rows in file order, streamed for the downloadable report. */
	@Transactional(readOnly = true)
	public void rejections(long frameId, Consumer<Rejection> consumer) {
		jdbc.sql("select row_number, reason, shown_value from frame_rejection where frame_id = :id order by row_number")
			.param("id", frameId)
			.query(rs -> {
				consumer.accept(new Rejection(rs.getInt("row_number"), rs.getString("reason"), rs.getString("shown_value")));
			});
	}

	/** Destroys the frame's numbers (and the refused values); the counts stay for the record. */
	public FrameView purge(long frameId) {
		FrameView frame = find(frameId).orElseThrow(() -> new RecordNotFoundException("sample_frame", frameId));
		if (frame.status() == FrameStatus.PURGED) {
			throw BusinessRuleException.of("fieldwork.frame.error.purged");
		}
		int destroyed = jdbc.sql("delete from frame_number where frame_id = :id").param("id", frameId).update();
		jdbc.sql("delete from frame_rejection where frame_id = :id").param("id", frameId).update();
		jdbc.sql("update sample_frame set status = 'PURGED', purged_at = :at where id = :id")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("id", frameId)
			.update();
		events.publishEvent(AuditEvent.of("fieldwork.frame.purge", "sample_frame", frameId, "numbers destroyed=" + destroyed));
		return find(frameId).orElseThrow();
	}

	private static FrameView frame(ResultSet rs, int n) throws SQLException {
		return new FrameView(rs.getLong("id"), rs.getString("name"), rs.getObject("survey_round", Long.class),
				FrameStatus.valueOf(rs.getString("status")), rs.getInt("imported"), rs.getInt("duplicates"), rs.getInt("invalid"),
				rs.getInt("unknown_townships"), SqlTimes.instant(rs, "created_at"), rs.getString("created_by"),
				SqlTimes.instant(rs, "purged_at"));
	}
}
