package org.minyi.disputes.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.minyi.disputes.DisputeAction;
import org.minyi.disputes.DisputeStatus;
import org.minyi.disputes.DisputeType;
import org.minyi.disputes.Disputes;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.MediationType;
import org.minyi.disputes.Referral;
import org.minyi.disputes.RiskLevel;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo disputes in every state from {@code demo/disputes.csv}: settled and kept, agreed and awaiting
 * follow-up, high-risk cases being mediated, a partial agreement, a referral to court, one just
 * recorded and one withdrawn. Each is recorded through the service, moved back to the day it came in,
 * then handled through the service on the days the file gives.
 */
@Component
@Profile("demo")
@Order(95)
class DemoDisputes implements ApplicationRunner {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	private final Disputes disputes;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoDisputes(Disputes disputes, UnitManagement units, JdbcClient jdbc, Clock clock) {
		this.disputes = disputes;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from dispute").query(Long.class).single() > 0) {
			return;
		}
		TabularReader.bundled("demo/disputes.csv").forEach(this::handle);
	}

	private void handle(TabularRow row) {
		UnitView unit = units.findByCode(row.cell(0)).orElse(null);
		if (unit == null) {
			return;
		}
		DisputeView dispute = disputes.receive(new Disputes.NewDispute(unit.id(), Disputes.Source.valueOf(row.cell(1)),
				DisputeType.valueOf(row.cell(2)), RiskLevel.valueOf(row.cell(3)), row.cell(4).isEmpty() ? null : new BigDecimal(row.cell(4)),
				row.cell(5), row.cell(6), List.of(new Disputes.Party("APPLICANT", row.cell(7), row.cell(8)),
						new Disputes.Party("RESPONDENT", row.cell(9), row.cell(10)))), DISTRICT);
		int daysAgo = Integer.parseInt(row.cell(11));
		jdbc.sql("update dispute set received_on = :day where id = :id")
			.param("day", today().minusDays(daysAgo))
			.param("id", dispute.id())
			.update();
		DisputeStatus target = DisputeStatus.valueOf(row.cell(12));
		if (target == DisputeStatus.RECEIVED) {
			return;
		}
		if (target == DisputeStatus.WITHDRAWN) {
			act(dispute.id(), DisputeAction.WITHDRAW, new Disputes.Step(null, null, null, null, row.cell(15)));
			return;
		}
		act(dispute.id(), DisputeAction.START_MEDIATION, new Disputes.Step(MediationType.valueOf(row.cell(13)), row.cell(14), null, null, null));
		disputes.addSession(dispute.id(), today().minusDays(Math.max(0, daysAgo - 2)), row.cell(7) + ", " + row.cell(9) + ", "
				+ row.cell(14), row.cell(6), DISTRICT);
		switch (target) {
			case AGREED, CLOSED -> settle(dispute.id(), DisputeAction.AGREE, row, daysAgo);
			case PARTIALLY_AGREED -> settle(dispute.id(), DisputeAction.AGREE_IN_PART, row, daysAgo);
			case REFERRED -> act(dispute.id(), DisputeAction.REFER, new Disputes.Step(null, null, Referral.valueOf(row.cell(17)), null, row.cell(15)));
			default -> {
				// still being mediated
			}
		}
		if (target == DisputeStatus.CLOSED) {
			act(dispute.id(), DisputeAction.CONFIRM_FULFILMENT, new Disputes.Step(null, null, null,
					today().minusDays(Math.max(0, daysAgo - Integer.parseInt(row.cell(16)) - 7)), null));
		}
	}

	private void settle(long id, DisputeAction action, TabularRow row, int daysAgo) {
		act(id, action, new Disputes.Step(null, null, null, today().minusDays(daysAgo - Integer.parseInt(row.cell(16))), row.cell(15)));
	}

	private void act(long id, DisputeAction action, Disputes.Step step) {
		disputes.act(id, action, step, disputes.find(id, DISTRICT).version(), DISTRICT);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Disputes.DISTRICT_ZONE));
	}
}
