package org.minyi.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.minyi.platform.SqlTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing e-mail. A module writes a message to the outbox in the transaction that decides to send
 * it, so a message is kept exactly when that decision commits; a background job delivers it over
 * SMTP. Each message is claimed with a conditional update before it is sent, so with several
 * application nodes it goes out once. A failed delivery is retried after 1, 5, 30 and 120 minutes,
 * then left as failed with the reason. A node that dies while sending leaves a claim that is
 * released after ten minutes (that message may then go out twice: at least once, never lost).
 * Without an SMTP host ({@code spring.mail.host}) e-mail is off and nothing is written. Sent and
 * failed messages are deleted after {@code minyi.mail.keep}.
 */
@Service
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final List<Duration> RETRY_AFTER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofMinutes(120));

	private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final Clock clock;

	private final String from;

	private final Duration keep;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock, @Value("${minyi.mail.from:minyi@localhost}") String from,
			@Value("${minyi.mail.keep:30d}") Duration keep) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.keep = keep;
	}

	/** Whether e-mail is configured; when not, {@link #enqueue} keeps nothing. */
	public boolean enabled() {
		return sender.getIfAvailable() != null;
	}

	/** Keeps a plain-text message for delivery, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body) {
		if (!enabled()) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into mail_outbox (recipient, subject, body, status, attempts, created_at, next_attempt_at)
				values (:to, :subject, :body, 'PENDING', 0, :now, :now)""")
			.param("to", recipient)
			.param("subject", subject.length() > 300 ? subject.substring(0, 300) : subject)
			.param("body", body.length() > 8000 ? body.substring(0, 8000) : body)
			.param("now", SqlTimes.bind(now))
			.update();
	}

	@Scheduled(fixedDelayString = "${minyi.mail.poll-interval:30s}", initialDelayString = "${minyi.mail.poll-interval:30s}")
	public void deliverDue() {
		if (enabled()) {
			deliver();
		}
	}

	/** Nightly: messages sent or given up on are kept {@code minyi.mail.keep} (30 days) for enquiries, then deleted. */
	@Scheduled(cron = "${minyi.mail.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	public void purgeDaily() {
		purge();
	}

	/**
	 * Deletes sent and failed messages older than the keeping time (they hold names of requests and
	 * tasks, and nobody reads them afterwards); messages still to be sent are never deleted. Returns
	 * how many went.
	 */
	public int purge() {
		return jdbc.sql("""
				delete from mail_outbox
				where (status = 'SENT' and sent_at < :before) or (status = 'FAILED' and created_at < :before)""")
			.param("before", SqlTimes.bind(clock.instant().minus(keep)))
			.update();
	}

	/** Sends the messages that are due; returns how many this node sent. */
	public int deliver() {
		Instant now = clock.instant();
		jdbc.sql("update mail_outbox set status = 'PENDING', claimed_at = null where status = 'SENDING' and claimed_at < :stale")
			.param("stale", SqlTimes.bind(now.minus(STALE_CLAIM)))
			.update();
		List<Long> due = jdbc.sql("select id from mail_outbox where status = 'PENDING' and next_attempt_at <= :now order by id limit :batch")
			.param("now", SqlTimes.bind(now))
			.param("batch", BATCH)
			.query(Long.class)
			.list();
		int sent = 0;
		for (long id : due) {
			if (claim(id) && send(id)) {
				sent++;
			}
		}
		return sent;
	}

	/** Only one node's update finds the message still pending. */
	private boolean claim(long id) {
		return jdbc.sql("update mail_outbox set status = 'SENDING', claimed_at = :now where id = :id and status = 'PENDING'")
			.param("now", SqlTimes.bind(clock.instant()))
			.param("id", id)
			.update() == 1;
	}

	private boolean send(long id) {
		Message message = jdbc.sql("select recipient, subject, body, attempts from mail_outbox where id = :id")
			.param("id", id)
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.single();
		try {
			JavaMailSender mail = sender.getObject();
			MimeMessage mime = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
			helper.setFrom(from);
			helper.setTo(message.recipient());
			helper.setSubject(message.subject());
			helper.setText(message.body());
			mail.send(mime);
		}
		catch (MailException | MessagingException e) {
			failed(id, message.attempts() + 1, e);
			return false;
		}
		jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1 where id = :id")
			.param("now", SqlTimes.bind(clock.instant()))
			.param("id", id)
			.update();
		return true;
	}

	private void failed(long id, int attempts, Exception e) {
		boolean giveUp = attempts > RETRY_AFTER.size();
		String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
		log.warn("E-mail {} not delivered (attempt {}): {}", id, attempts, reason);
		jdbc.sql("""
				update mail_outbox set status = :status, attempts = :attempts, next_attempt_at = :next, claimed_at = null,
				last_error = :error where id = :id""")
			.param("status", giveUp ? "FAILED" : "PENDING")
			.param("attempts", attempts)
			.param("next", SqlTimes.bind(clock.instant().plus(RETRY_AFTER.get(Math.min(attempts, RETRY_AFTER.size()) - 1))))
			.param("error", reason.length() > 500 ? reason.substring(0, 500) : reason)
			.param("id", id)
			.update();
	}

	private record Message(String recipient, String subject, String body, int attempts) {
	}
}
