package org.minyi.fieldwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import jakarta.annotation.PreDestroy;

import org.apache.commons.io.input.BoundedInputStream;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Sample frames: imported lists of telephone numbers with township, community, gender and age
 * group. An import streams the file (CSV in UTF-8 or GBK, or XLSX), keeps every valid number once,
 * sealed, and reports every refused row; a file that cannot be read at all, or lacks the phone or
 * township column, imports nothing. Uploaded files are imported in the background, in one
 * transaction, reporting progress as they go. Purging destroys the numbers and keeps the counts.
 */
@Service
@Transactional
public class SampleFrames {

	/** More rows than any district's list; a bigger file is refused before it fills the disk. */
	static final int MAX_ROWS = 2_000_000;

	/** A background import that has not reported progress for this long was interrupted (its node stopped). */
	private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

	/** Batches read and sealed ahead of the inserts (each about 1,000 numbers, ~0.5 MB). */
	private static final int BATCHES_AHEAD = 4;

	private static final Object END_OF_FILE = new Object();

	/** Rows between two progress reports of a background import. */
	static final int PROGRESS_EVERY = 10_000;

	/** Background imports at the same time; more wait their turn (each holds a connection and a core). */
	private static final int PARALLEL_IMPORTS = 2;

	private static final Logger log = LoggerFactory.getLogger(SampleFrames.class);

	public enum FrameStatus {
		IMPORTING, ACTIVE, FAILED, PURGED
	}

	/**
	 * @param rowsRead   rows read so far (while importing) or in all
	 * @param bytesTotal size of the file when progress can be told by bytes (CSV); null for XLSX
	 * @param failureKey message key of why a background import failed, with its arguments
	 */
	public record FrameView(long id, String name, Long roundId, FrameStatus status, int imported, int duplicates, int invalid,
			int unknownTownships, Instant createdAt, String createdBy, Instant purgedAt, int rowsRead, Long bytesRead,
			Long bytesTotal, String failureKey, List<String> failureArgs) {

		public int rejected() {
			return invalid + unknownTownships;
		}

		/** How much of the file has been read, 0–100; null when unknown (XLSX). */
		public Integer percent() {
			return bytesTotal == null || bytesTotal == 0 || bytesRead == null ? null : (int) Math.min(100, 100 * bytesRead / bytesTotal);
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

	private final TransactionTemplate transactions;


	/** Progress is written beside the import's own transaction, so that it can be seen while the import runs. */
	private final TransactionTemplate progressTransactions;

	private final ExecutorService imports = Executors.newFixedThreadPool(PARALLEL_IMPORTS, daemon("frame-import"));

	/** The reading side of each import (background or not), one thread per import while it runs. */
	private final ExecutorService readers = Executors.newCachedThreadPool(daemon("frame-read"));

	SampleFrames(JdbcClient jdbc, JdbcTemplate batch, UnitManagement units, RoundManagement rounds, PersonalData personalData,
			MessageSource messages, ObjectMapper json, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.progressTransactions = new TransactionTemplate(transactionManager);
		this.progressTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		validate(name, roundId);
		long id = insertFrame(name, roundId, FrameStatus.ACTIVE, null);
		load(id, file, rows -> {
		});
		return find(id).orElseThrow();
	}

	/**
	 * Starts importing an uploaded file into a new frame in the background and returns the frame,
	 * status IMPORTING. The import runs in one transaction, as the uploader (for the audit trail),
	 * and ends ACTIVE with its counts or FAILED with the reason and nothing of the file kept. The
	 * file (phone numbers in clear) is deleted either way.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public FrameView startImport(String name, Long roundId, Path file) {
		long id;
		Long size;
		try {
			if (Files.size(file) == 0) {
				throw BusinessRuleException.of("tabular.error.empty");
			}
			size = TabularReader.isZip(file) ? null : Files.size(file);
			id = transactions.execute(tx -> {
				validate(name, roundId);
				return insertFrame(name, roundId, FrameStatus.IMPORTING, size);
			});
		}
		catch (BusinessRuleException | IOException e) {
			deleteQuietly(file);
			throw e instanceof BusinessRuleException rule ? rule : BusinessRuleException.of("fieldwork.frame.error.failed");
		}
		imports.execute(new DelegatingSecurityContextRunnable(() -> runImport(id, file, size)));
		return find(id).orElseThrow();
	}

	/** The file is deleted as soon as it has been read, before anyone is told the import ended. */
	private void runImport(long id, Path file, Long size) {
		try (InputStream raw = Files.newInputStream(file)) {
			BoundedInputStream counted = BoundedInputStream.builder().setInputStream(raw).get();
			transactions.executeWithoutResult(tx -> {
				load(id, counted, rows -> progress(id, rows, counted.getCount(), size));
				deleteQuietly(file);
			});
		}
		catch (BusinessRuleException e) {
			deleteQuietly(file);
			fail(id, e);
		}
		catch (IOException | RuntimeException e) {
			deleteQuietly(file);
			log.error("Import of sample frame {} failed", id, e);
			fail(id, BusinessRuleException.of("fieldwork.frame.error.failed"));
		}
	}

	private void progress(long id, int rows, long bytes, Long size) {
		progressTransactions.executeWithoutResult(tx -> jdbc.sql("""
				update sample_frame set rows_read = :rows, bytes_read = :bytes, bytes_total = :size, progress_at = :now where id = :id""")
			.param("rows", rows)
			.param("bytes", bytes)
			.param("size", size)
			.param("now", SqlTimes.bind(clock.instant()))
			.param("id", id)
			.update());
	}

	private void fail(long id, BusinessRuleException reason) {
		progressTransactions.executeWithoutResult(tx -> jdbc.sql("""
				update sample_frame set status = 'FAILED', failure_key = :key, failure_args = :args where id = :id and status = 'IMPORTING'""")
			.param("key", reason.messageKey())
			.param("args", json.writeValueAsString(Arrays.stream(reason.arguments()).map(String::valueOf).toList()))
			.param("id", id)
			.update());
	}

	/**
	 * An import whose node stopped (restart, crash) never finishes; its transaction was rolled back
	 * by the database. Reported as failed once it has not moved for the configured time.
	 */
	@Scheduled(fixedDelayString = "${minyi.fieldwork.stale-sweep-interval:1m}")
	public void failInterruptedImports() {
		jdbc.sql("""
				update sample_frame set status = 'FAILED', failure_key = 'fieldwork.frame.error.interrupted'
				where status = 'IMPORTING' and progress_at < :before""")
			.param("before", SqlTimes.bind(clock.instant().minus(INTERRUPTED_AFTER)))
			.update();
	}

	@PreDestroy
	void stopImports() {
		imports.shutdownNow();
		readers.shutdownNow();
	}

	private static ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	private void validate(String name, Long roundId) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new BusinessRuleException("name", "fieldwork.frame.error.name");
		}
		if (roundId != null && rounds.find(roundId).filter(r -> r.kind().isFielded()).isEmpty()) {
			throw new BusinessRuleException("round", "fieldwork.frame.error.round");
		}
	}

	/** @param size bytes to read when progress is told by bytes, else null */
	private long insertFrame(String name, Long roundId, FrameStatus status, Long size) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sample_frame (name, survey_round, status, imported, duplicates, invalid, unknown_townships, created_at,
				  created_by, progress_at, bytes_read, bytes_total)
				values (:name, :round, :status, 0, 0, 0, 0, :at, :by, :at, 0, :size)""")
			.param("size", size)
			.param("name", name.strip())
			.param("round", roundId)
			.param("status", status.name())
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Reads the file into the frame, reporting the rows read every {@link #PROGRESS_EVERY}; ends the
	 * frame ACTIVE. Reading, checking and sealing run on a helper thread a few batches ahead of the
	 * inserts, which stay on this thread (it holds the transaction), so the two overlap.
	 */
	private void load(long id, InputStream file, IntConsumer progress) {
		BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
		FrameImport rows = new FrameImport(id, units.list(DataScope.wholeDistrict()), batch -> handOver(batches, batch), personalData,
				messages, json);
		int[] read = { 0 };
		Future<?> reading = readers.submit(() -> {
			try {
				TabularReader.read(file, MAX_ROWS, row -> {
					rows.accept(row);
					if (++read[0] % PROGRESS_EVERY == 0) {
						progress.accept(read[0]);
					}
				});
				rows.flush();
				handOver(batches, END_OF_FILE);
			}
			catch (Stopped e) {
				// the inserting side failed and stopped reading
			}
			catch (RuntimeException | TabularFileException e) {
				handOver(batches, e);
			}
			catch (Error e) {
				handOver(batches, new IllegalStateException("reading the frame file failed", e));
				throw e;
			}
		});
		FrameImport.Writer writer = new FrameImport.Writer(batch);
		try {
			for (Object next = take(batches); next != END_OF_FILE; next = take(batches)) {
				if (next instanceof FrameImport.Batch full) {
					writer.accept(full);
				}
				else {
					throw refusal((Exception) next);
				}
			}
		}
		finally {
			reading.cancel(true);
		}
		if (writer.imported + rows.duplicates + rows.invalid + rows.unknownTownships == 0) {
			throw BusinessRuleException.of("tabular.error.noData");
		}
		jdbc.sql("""
				update sample_frame set status = 'ACTIVE', imported = :imported, duplicates = :duplicates, invalid = :invalid,
				  unknown_townships = :unknown, rows_read = :rows, bytes_read = bytes_total where id = :id""")
			.param("imported", writer.imported)
			.param("duplicates", rows.duplicates)
			.param("invalid", rows.invalid)
			.param("unknown", rows.unknownTownships)
			.param("rows", read[0])
			.param("id", id)
			.update();
		events.publishEvent(AuditEvent.of("fieldwork.frame.import", "sample_frame", id, "imported=" + writer.imported + ", duplicates="
				+ rows.duplicates + ", invalid=" + rows.invalid + ", unknownTownships=" + rows.unknownTownships));
	}

	/** What the reading side hands over: a batch, the end of the file, or why it stopped. */
	private static void handOver(BlockingQueue<Object> batches, Object item) {
		try {
			batches.put(item);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
	}

	private static Object take(BlockingQueue<Object> batches) {
		try {
			return batches.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("frame import interrupted", e);
		}
	}

	/** Why the reading side stopped, as the whole-file refusal it stands for. */
	private static RuntimeException refusal(Exception cause) {
		if (cause instanceof TabularFileException e) {
			return BusinessRuleException.of(e.messageKey(), e.arguments());
		}
		if (cause instanceof FrameImport.Refused e) {
			return e.reason;
		}
		return (RuntimeException) cause;
	}

	/** The reading side was told to stop (cancelled while handing over a batch). */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete the uploaded frame file {}", file, e);
		}
	}

	@Transactional(readOnly = true)
	public List<FrameView> list() {
		return jdbc.sql("select * from sample_frame order by id desc").query(this::frame).list();
	}

	@Transactional(readOnly = true)
	public Optional<FrameView> find(long id) {
		return jdbc.sql("select * from sample_frame where id = :id").param("id", id).query(this::frame).optional();
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

	private FrameView frame(ResultSet rs, int n) throws SQLException {
		String args = rs.getString("failure_args");
		return new FrameView(rs.getLong("id"), rs.getString("name"), rs.getObject("survey_round", Long.class),
				FrameStatus.valueOf(rs.getString("status")), rs.getInt("imported"), rs.getInt("duplicates"), rs.getInt("invalid"),
				rs.getInt("unknown_townships"), SqlTimes.instant(rs, "created_at"), rs.getString("created_by"),
				SqlTimes.instant(rs, "purged_at"), rs.getInt("rows_read"), rs.getObject("bytes_read", Long.class),
				rs.getObject("bytes_total", Long.class), rs.getString("failure_key"),
				args == null ? List.of() : List.of(json.readValue(args, String[].class)));
	}
}
