package org.minyi.survey.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.InstrumentVersion;
import org.minyi.survey.Mode;
import org.minyi.survey.OfficialResults;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo rounds with the seed's targets: the district in the city's top 3, every township at least
 * 85 points, each political-legal department in the top 5. The rounds, the status each reaches and
 * the web responses per township collected while fielding are listed in {@code demo/rounds.csv}; a
 * round left fielding has its open link enabled. The official round gets the results in
 * {@code demo/official-results.csv}.
 */
@Component
@Profile("demo")
@Order(50)
class DemoRounds implements ApplicationRunner {

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final DemoResponses responses;

	private final OfficialResults official;

	DemoRounds(RoundManagement rounds, InstrumentCatalog instruments, UnitManagement units, DemoResponses responses,
			OfficialResults official) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.responses = responses;
		this.official = official;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!rounds.list().isEmpty()) {
			return;
		}
		long standard = instruments.list().stream()
			.filter(v -> v.code().equals("STANDARD") && !v.isDraft())
			.mapToLong(InstrumentVersion::id)
			.min()
			.orElseThrow();
		for (String line : lines()) {
			String[] f = line.split(",", -1);
			Set<Mode> modes = f[4].isBlank() ? Set.of()
					: Arrays.stream(f[4].split(" ")).map(Mode::valueOf).collect(Collectors.toSet());
			RoundView round = add(f[0], RoundKind.valueOf(f[1]), LocalDate.parse(f[2]), LocalDate.parse(f[3]), standard, modes);
			RoundStatus target = RoundStatus.valueOf(f[5]);
			while (round.status() != target) {
				round = rounds.moveTo(round.id(), round.nextStatuses().iterator().next());
				if (round.status() == RoundStatus.FIELDING) {
					responses.submit(round, Integer.parseInt(f[6]));
				}
			}
			if (round.status() == RoundStatus.FIELDING) {
				rounds.setOpenLink(round.id(), true);
			}
			if (round.kind() == RoundKind.OFFICIAL) {
				importOfficialResults(round.id());
			}
		}
	}

	/** The published results of the official round, through the same import staff use. */
	private void importOfficialResults(long roundId) {
		try (InputStream in = new ClassPathResource("demo/official-results.csv").getInputStream()) {
			List<ImportProblem> problems = official.importFile(roundId, in);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("demo/official-results.csv does not import: " + problems);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> lines() {
		try (InputStream in = new ClassPathResource("demo/rounds.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private RoundView add(String name, RoundKind kind, LocalDate start, LocalDate end, long instrument, Set<Mode> modes) {
		RoundView round = rounds.create(new RoundDraft(name, kind, start, end, instrument, modes));
		List<Target> targets = new ArrayList<>();
		for (Target scope : round.targets()) {
			UnitView unit = units.findById(scope.unitId()).orElseThrow();
			targets.add(switch (unit.kind()) {
				case DISTRICT -> new Target(unit.id(), null, 3);
				case TOWNSHIP -> new Target(unit.id(), new BigDecimal("85"), null);
				default -> new Target(unit.id(), null, 5);
			});
		}
		return rounds.setTargets(round.id(), targets);
	}
}
