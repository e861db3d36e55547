package org.minyi.survey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.minyi.survey.instrumentfile.InstrumentFileException;
import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned instruments of the district. A draft can be replaced by a new file and published;
 * a published version is immutable and rounds refer to it; "editing" a published version creates
 * the next draft. Each code has at most one open draft.
 */
@Service
@Transactional
public class InstrumentCatalog {

	private static final String COLUMNS = "id, code, version, title, status, definition, created_at, created_by, published_at";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InstrumentCatalog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<InstrumentVersion> list() {
		return jdbc.sql("select " + COLUMNS + " from instrument_version order by code, version desc")
			.query(InstrumentCatalog::row)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<InstrumentVersion> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from instrument_version where id = :id").param("id", id)
			.query(InstrumentCatalog::row)
			.optional();
	}

	@Transactional(readOnly = true)
	public boolean hasCode(String code) {
		return jdbc.sql("select count(*) from instrument_version where code = :code").param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	/** Stores a checked definition as the next draft version of its code. */
	public InstrumentVersion addDraft(InstrumentDefinition definition) {
		requireNoOpenDraft(definition.code());
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from instrument_version where code = :code")
			.param("code", definition.code())
			.query(Integer.class)
			.single();
		jdbc.sql("insert into instrument_version (code, version, title, status, definition, created_at, created_by) "
				+ "values (:code, :version, :title, 'DRAFT', :definition, :at, :by)")
			.param("code", definition.code())
			.param("version", version)
			.param("title", definition.title())
			.param("definition", yaml(definition))
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update();
		InstrumentVersion draft = byCodeAndVersion(definition.code(), version);
		events.publishEvent(AuditEvent.of("instrument.draft", "instrument_version", draft.id(),
				"code=" + draft.code() + ", version=" + version));
		return draft;
	}

	/** The next draft, starting from an existing version's content. */
	public InstrumentVersion newDraftFrom(long id) {
		return addDraft(load(id).definition());
	}

	/** Replaces a draft's content; a published version is refused. */
	public InstrumentVersion replaceDraft(long id, InstrumentDefinition definition) {
		InstrumentVersion current = load(id);
		if (!current.isDraft()) {
			throw BusinessRuleException.of("instrument.error.publishedImmutable");
		}
		if (!current.code().equals(definition.code())) {
			throw BusinessRuleException.of("instrument.error.codeAndTitle");
		}
		jdbc.sql("update instrument_version set title = :title, definition = :definition where id = :id and status = 'DRAFT'")
			.param("title", definition.title())
			.param("definition", yaml(definition))
			.param("id", id)
			.update();
		events.publishEvent(AuditEvent.of("instrument.update", "instrument_version", id,
				"code=" + current.code() + ", version=" + current.version()));
		return load(id);
	}

	public InstrumentVersion publish(long id) {
		InstrumentVersion draft = load(id);
		if (!draft.isDraft()) {
			throw BusinessRuleException.of("instrument.error.notDraft");
		}
		jdbc.sql("update instrument_version set status = 'PUBLISHED', published_at = :at where id = :id and status = 'DRAFT'")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("id", id)
			.update();
		events.publishEvent(AuditEvent.of("instrument.publish", "instrument_version", id,
				"code=" + draft.code() + ", version=" + draft.version()));
		return load(id);
	}

	/** The readable file of a version, as it would be imported. */
	public byte[] file(long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InstrumentFiles.write(load(id).definition(), out);
		return out.toByteArray();
	}

	private void requireNoOpenDraft(String code) {
		jdbc.sql("select version from instrument_version where code = :code and status = 'DRAFT'")
			.param("code", code)
			.query(Integer.class)
			.optional()
			.ifPresent(version -> {
				throw BusinessRuleException.of("instrument.error.openDraft", version);
			});
	}

	private InstrumentVersion load(long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("instrument_version", id));
	}

	private InstrumentVersion byCodeAndVersion(String code, int version) {
		return jdbc.sql("select " + COLUMNS + " from instrument_version where code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query(InstrumentCatalog::row)
			.single();
	}

	private static String yaml(InstrumentDefinition definition) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InstrumentFiles.write(definition, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static InstrumentVersion row(ResultSet rs, int rowNum) throws SQLException {
		InstrumentDefinition definition;
		try {
			definition = InstrumentFiles.read(new ByteArrayInputStream(rs.getString("definition").getBytes(StandardCharsets.UTF_8)));
		}
		catch (InstrumentFileException e) {
			throw new IllegalStateException("stored instrument " + rs.getLong("id") + " no longer reads", e);
		}
		return new InstrumentVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("title"),
				InstrumentStatus.valueOf(rs.getString("status")), definition, SqlTimes.instant(rs, "created_at"),
				rs.getString("created_by"), SqlTimes.instant(rs, "published_at"));
	}
}
