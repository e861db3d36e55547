package org.minyi.scoring.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.minyi.org.UnitManagement;
import org.minyi.scoring.RoundScoring;
import org.minyi.scoring.ScoringSettings;
import org.minyi.scoring.ScoringSettingsStore;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo scoring: every fielded demo round scores the political-legal departments on the indicators of
 * {@code demo/department-indicators.csv} and gets results computed with them — the closed round's
 * final ones, the fielding round's interim ones — so the results pages show departments, the
 * comparison with the previous round and the trend.
 */
@Component
@Profile("demo")
@Order(60)
class DemoScoring implements ApplicationRunner {

	/** How long to wait for the results a closed round computes on its own (asynchronously) when closing. */
	private static final long CLOSING_RESULTS_WAIT_MILLIS = 30_000;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final ScoringSettingsStore settings;

	private final RoundScoring scoring;

	DemoScoring(RoundManagement rounds, UnitManagement units, ScoringSettingsStore settings, RoundScoring scoring) {
		this.rounds = rounds;
		this.units = units;
		this.settings = settings;
		this.scoring = scoring;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		for (RoundView round : rounds.list()) {
			if (!round.kind().isFielded() || !settings.of(round.id()).departmentIndicators().isEmpty()) {
				continue;
			}
			if (round.status() == RoundStatus.CLOSED || round.status() == RoundStatus.PUBLISHED) {
				awaitClosingResults(round.id());
			}
			ScoringSettings defaults = ScoringSettings.defaults();
			Map<Long, String> inScope = new LinkedHashMap<>(departmentIndicators());
			inScope.keySet().retainAll(round.targets().stream().map(Target::unitId).toList());
			settings.save(round.id(), new ScoringSettings(defaults.margins(), null, null, inScope));
			scoring.compute(round.id());
		}
	}

	/** Lets the computation started by closing the round finish first, so that ours is the latest. */
	private void awaitClosingResults(long roundId) throws InterruptedException {
		long deadline = System.currentTimeMillis() + CLOSING_RESULTS_WAIT_MILLIS;
		while (scoring.latest(roundId).isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
	}

	private Map<Long, String> departmentIndicators() {
		Map<Long, String> mapping = new LinkedHashMap<>();
		try (InputStream in = new ClassPathResource("demo/department-indicators.csv").getInputStream()) {
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
				String[] field = line.split(",");
				units.findByCode(field[0]).ifPresent(unit -> mapping.put(unit.id(), field[1]));
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return mapping;
	}
}
