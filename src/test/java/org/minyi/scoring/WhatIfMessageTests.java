package org.minyi.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The unit page's what-if sentences (templates/scoring/unit.html) pass (indicator, needed, dissatisfied,
 * valid) and, when no number of changed answers suffices, (indicator, dissatisfied, valid): every
 * placeholder is filled and each count lands where the sentence names it, in both languages.
 */
class WhatIfMessageTests {

	@Test
	void bothSentencesFillEveryPlaceholderWithTheRightCount() throws IOException {
		Properties zh = bundle("messages_zh_CN.properties");
		assertThat(format(zh, "results.unit.whatIf.needed", "安全感", 7, 56, 400))
			.isEqualTo("安全感：400 个有效回答中有 56 个不满意，只要其中 7 个变为“满意”，得分即可达到目标。");
		assertThat(format(zh, "results.unit.whatIf.notEnough", "安全感", 56, 400))
			.isEqualTo("安全感：400 个有效回答中有 56 个不满意，仅靠这一项无法达到目标。");
		Properties en = bundle("messages_en.properties");
		assertThat(format(en, "results.unit.whatIf.notEnough", "Security", 56, 400))
			.isEqualTo("Security: 56 of 400 valid answers are dissatisfied; this indicator alone cannot reach the target.");
		assertThat(format(en, "results.unit.whatIf.needed", "Security", 7, 56, 400)).startsWith("Security: 56 of 400 valid answers")
			.contains("if 7 of them");
	}

	private static String format(Properties bundle, String key, Object... arguments) {
		return new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(arguments);
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = WhatIfMessageTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
