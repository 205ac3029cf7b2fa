package eoslab.cli;

import eoslab.EoslabTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} of the tool and of every command: exit 0, every option listed, and each one states its default. */
class HelpTest extends EoslabTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "flow", "compare"})
    void everyOptionIsListedWithItsDefault(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        CommandLine cl = new CommandLine(new Main()).getSubcommands().get(command);
        List<OptionSpec> options = cl.getCommandSpec().options();
        assertThat(options).hasSizeGreaterThan(5);
        for (OptionSpec o : options) {
            assertThat(r.out()).contains(o.longestName());
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String description = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
            assertThat(description).as("description of %s", o.longestName()).contains("default");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void toolHelpListsTheCommandsAndConventions(String flag) {
        CliRun r = CliRun.of(flag);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run", "flow", "compare", "--eta-rel", "1e100", "manifest", "seed 42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionIsPrinted(String flag) {
        CliRun r = CliRun.of(flag);
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("eoslab ").contains("Java");
    }
}
