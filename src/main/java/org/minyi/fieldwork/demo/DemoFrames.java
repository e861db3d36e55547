package org.minyi.fieldwork.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.minyi.fieldwork.SampleFrames;
import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo sample frame: 40 made-up mobile numbers per township with gender and age group, plus a
 * repeated number, two malformed ones and an unknown township, imported through the same import
 * staff use — so the frames page shows counts, masked numbers and a report of refused rows. The
 * numbers are generated and must never be dialled.
 */
@Component
@Profile("demo")
@Order(70)
class DemoFrames implements ApplicationRunner {

	private final SampleFrames frames;

	private final UnitManagement units;

	private final MessageSource messages;

	DemoFrames(SampleFrames frames, UnitManagement units, MessageSource messages) {
		this.frames = frames;
		this.units = units;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		String name = messages.getMessage("fieldwork.frame.demoName", null, Locale.SIMPLIFIED_CHINESE);
		if (frames.list().stream().anyMatch(f -> f.name().equals(name))) {
			return;
		}
		Random random = new Random(2026);
		StringBuilder csv = new StringBuilder("phone,township,gender,age group\n");
		List<UnitView> townships = units.list(DataScope.wholeDistrict()).stream().filter(u -> u.kind() == UnitKind.TOWNSHIP).toList();
		int serial = 0;
		for (UnitView township : townships) {
			for (int i = 0; i < 40; i++) {
				csv.append(String.format("199%08d,%s,%s,%s%n", 10_000_000 + serial++ * 7919 % 90_000_000, township.code(),
						Gender.values()[random.nextInt(Gender.values().length)], AgeGroup.values()[random.nextInt(AgeGroup.values().length)]));
			}
		}
		csv.append(String.format("199%08d,%s,,%n", 10_000_000, townships.get(0).code()));
		csv.append("1990000,").append(townships.get(0).code()).append(",,\n");
		csv.append("abc-not-a-number,").append(townships.get(0).code()).append(",,\n");
		csv.append("19912345678,NOWHERE,,\n");
		frames.importFile(name, null, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
