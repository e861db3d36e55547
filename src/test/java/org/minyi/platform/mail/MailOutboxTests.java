package org.minyi.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.TestMailServer;
import org.minyi.platform.SqlTimes;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery failures are retried with a growing delay and finally given up with the reason; nothing
 * is lost on the way. The clock starts in 2040 so that the application's own delivery job (on the
 * real clock) never finds these messages due.
 */
@MinyiTest
class MailOutboxTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aFailedDeliveryIsRetriedThenGivenUpAndARecoveredServerGetsTheMessageOnce() {
		MutableClock clock = new MutableClock(Instant.parse("2040-01-01T00:00:00Z"));
		String to = "retry-" + UUID.randomUUID() + "@example.gov.cn";
		MailOutbox unreachable = outbox(closedPortSender(), clock);
		transaction.executeWithoutResult(t -> unreachable.enqueue(to, "主题", "正文"));

		assertThat(unreachable.deliver()).isZero();
		assertThat(state(to)).isEqualTo("PENDING/1");
		assertThat(unreachable.deliver()).as("not due again before its delay").isZero();
		assertThat(state(to)).isEqualTo("PENDING/1");
		for (Duration delay : new Duration[] { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30) }) {
			clock.advance(delay);
			unreachable.deliver();
		}
		assertThat(state(to)).isEqualTo("PENDING/4");
		assertThat(jdbc.sql("select last_error from mail_outbox where recipient = :to").param("to", to).query(String.class).single())
			.contains("MailSendException");

		MailOutbox recovered = outbox(TestMailServer.server().getSmtp().getPort(), clock);
		clock.advance(Duration.ofMinutes(120));
		recovered.deliver();
		recovered.deliver();
		assertThat(state(to)).isEqualTo("SENT/5");
		assertThat(Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
			try {
				return to.equals(m.getAllRecipients()[0].toString());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		})).hasSize(1);

		MailOutbox stillDown = outbox(closedPortSender(), clock);
		String second = to + ".second";
		transaction.executeWithoutResult(t -> stillDown.enqueue(second, "主题", "正文"));
		for (int attempt = 0; attempt < 5; attempt++) {
			clock.advance(Duration.ofHours(3));
			stillDown.deliver();
		}
		assertThat(state(second)).as("given up after five attempts").isEqualTo("FAILED/5");
	}

	@Test
	void sentAndFailedMessagesGoAfterTheKeepingTimeAndUnsentOnesStay() {
		MutableClock clock = new MutableClock(Instant.parse("2045-03-01T00:00:00Z"));
		String to = "purge-" + UUID.randomUUID() + "@example.gov.cn";
		MailOutbox server = outbox(TestMailServer.server().getSmtp().getPort(), clock);
		MailOutbox down = outbox(closedPortSender(), clock);
		transaction.executeWithoutResult(t -> server.enqueue(to + ".sent", "主题", "正文"));
		server.deliver();
		transaction.executeWithoutResult(t -> down.enqueue(to + ".failed", "主题", "正文"));
		for (int attempt = 0; attempt < 5; attempt++) {
			clock.advance(Duration.ofHours(3));
			down.deliver();
		}
		// a message still waiting for its next attempt, written long ago
		jdbc.sql("""
				insert into mail_outbox (recipient, subject, body, status, attempts, created_at, next_attempt_at)
				values (:to, 'subject', 'body', 'PENDING', 3, :long_ago, :later)""")
			.param("to", to + ".pending")
			.param("long_ago", SqlTimes.bind(clock.instant().minus(Duration.ofDays(365))))
			.param("later", SqlTimes.bind(clock.instant().plus(Duration.ofDays(400))))
			.update();
		clock.advance(Duration.ofDays(20));
		transaction.executeWithoutResult(t -> server.enqueue(to + ".recent", "主题", "正文"));
		server.deliver();
		clock.advance(Duration.ofDays(11));

		server.purge();

		assertThat(jdbc.sql("select recipient from mail_outbox where recipient like :to order by recipient").param("to", to + "%")
			.query(String.class).list()).containsExactly(to + ".pending", to + ".recent");
	}

	private String state(String recipient) {
		return jdbc.sql("select status, attempts from mail_outbox where recipient = :to")
			.param("to", recipient)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
			.single();
	}

	private MailOutbox outbox(JavaMailSender sender, Clock clock) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		return new MailOutbox(jdbc, beans.getBeanProvider(JavaMailSender.class), clock, "minyi@example.gov.cn", Duration.ofDays(30));
	}

	private MailOutbox outbox(int port, Clock clock) {
		return outbox(smtp(port), clock);
	}

	/** Port 1 on the loopback: nothing listens, the connection is refused at once. */
	private static JavaMailSender closedPortSender() {
		return smtp(1);
	}

	private static JavaMailSender smtp(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return sender;
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
