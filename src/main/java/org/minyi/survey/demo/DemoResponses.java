package org.minyi.survey.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.minyi.org.UnitView;
import org.minyi.survey.Answers;
import org.minyi.survey.Mode;
import org.minyi.survey.ResidenceDirectory;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.RoundView;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.minyi.survey.invitation.IssuedInvitation;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo web responses to the standard instrument, submitted through invitations like real ones.
 * Each township has its own mood, so scores differ between townships the way they do in real
 * rounds; a few respondents are screened out, some leave a comment from {@code demo/comments.txt}.
 * Seeded, so every demo start looks the same.
 */
@Component
@Profile("demo")
class DemoResponses {

	private static final List<String> SECURITY = List.of("VERY_SAFE", "SAFE", "FAIRLY_SAFE", "NOT_VERY_SAFE", "UNSAFE", "DONT_KNOW");

	private static final List<String> SATISFACTION = List.of("VERY_SATISFIED", "SATISFIED", "FAIRLY_SATISFIED",
			"NOT_VERY_SATISFIED", "DISSATISFIED", "DONT_KNOW");

	private static final List<String> PROBLEMS = List.of("THEFT", "FRAUD", "ROBBERY", "VICE", "GANGS", "TRAFFIC", "DISPUTES");

	private final Invitations invitations;

	private final ResponseIntake intake;

	private final ResidenceDirectory residence;

	private final Clock clock;

	DemoResponses(Invitations invitations, ResponseIntake intake, ResidenceDirectory residence, Clock clock) {
		this.invitations = invitations;
		this.intake = intake;
		this.residence = residence;
		this.clock = clock;
	}

	/** Submits {@code perTownship} responses in every township of a fielding round. */
	void submit(RoundView round, int perTownship) {
		Random random = new Random(round.name().hashCode());
		List<String> comments = comments();
		for (UnitView township : residence.townships()) {
			double mood = 0.3 + 0.45 * random.nextDouble();
			InvitationBatch batch = invitations.generate(round.id(), township.id(), perTownship);
			List<UnitView> communities = residence.communitiesByTownship().get(township);
			for (IssuedInvitation invitation : invitations.tokens(batch.id())) {
				UnitView community = communities.get(random.nextInt(communities.size()));
				Map<String, List<String>> answers = answers(random, mood, township, community, comments);
				intake.submit(intake.byToken(invitation.token()), Answers.of(answers), Mode.WEB,
						clock.instant().minus(Duration.ofSeconds(150 + random.nextInt(400))));
			}
		}
	}

	private static Map<String, List<String>> answers(Random random, double mood, UnitView township, UnitView community,
			List<String> comments) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		answers.put("S1", List.of("YES"));
		answers.put("S2", List.of(random.nextDouble() < 0.03 ? "NO" : "YES"));
		if (answers.get("S2").contains("NO")) {
			return answers;
		}
		answers.put("S3", List.of(township.code()));
		answers.put("S4", List.of(community.code()));
		String security = pick(random, mood, SECURITY);
		answers.put("Q1", List.of(security));
		if (security.equals("NOT_VERY_SAFE") || security.equals("UNSAFE")) {
			answers.put("Q1a", List.of(PROBLEMS.get(random.nextInt(PROBLEMS.size())), "FRAUD").stream().distinct().toList());
		}
		answers.put("Q2", List.of(random.nextDouble() < mood ? "BETTER" : random.nextBoolean() ? "SAME" : "WORSE"));
		for (String question : List.of("Q3", "Q4", "Q5", "Q6", "Q7")) {
			answers.put(question, List.of(pick(random, mood, SATISFACTION)));
		}
		answers.put("Q8", List.of(random.nextDouble() < mood ? "KNOW" : "DONT_KNOW_OF"));
		answers.put("Q9", List.of(random.nextDouble() < mood / 3 ? "TOOK_PART" : "DID_NOT"));
		answers.put("Q10", List.of(random.nextDouble() < mood ? "OFTEN" : random.nextBoolean() ? "SOMETIMES" : "NEVER"));
		answers.put("Q11", List.of(random.nextDouble() < 0.6 ? "NEVER_HAD" : random.nextDouble() < mood ? "HANDLED" : "REPEATED"));
		if (random.nextDouble() < 0.08) {
			answers.put("Q12", List.of(comments.get(random.nextInt(comments.size()))));
		}
		answers.put("D1", List.of(random.nextBoolean() ? "MALE" : "FEMALE"));
		answers.put("D2", List.of(List.of("AGE_18_29", "AGE_30_44", "AGE_45_59", "AGE_60_PLUS").get(random.nextInt(4))));
		return answers;
	}

	/** The better the mood, the likelier the first (best) options; the last option is "don't know". */
	private static String pick(Random random, double mood, List<String> scale) {
		if (random.nextDouble() < 0.04) {
			return scale.get(scale.size() - 1);
		}
		int position = 0;
		while (position < scale.size() - 2 && random.nextDouble() > mood) {
			position++;
		}
		return scale.get(position);
	}

	private static List<String> comments() {
		try (InputStream in = new ClassPathResource("demo/comments.txt").getInputStream()) {
			return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
