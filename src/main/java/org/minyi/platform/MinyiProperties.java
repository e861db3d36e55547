package org.minyi.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Application-wide settings under {@code minyi.*}. */
@ConfigurationProperties("minyi")
public record MinyiProperties(@DefaultValue("./data") Path dataDir) {
}
