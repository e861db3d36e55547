package org.minyi;

import java.util.Arrays;

import org.minyi.scoring.cli.ScoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinyiApplication {

	/** Starts the application, or with {@code score …} runs the analyst command line without a server. */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(ScoreCommand.NAME)) {
			System.exit(ScoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(MinyiApplication.class, args);
	}
}
