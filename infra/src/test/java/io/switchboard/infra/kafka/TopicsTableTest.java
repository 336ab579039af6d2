package io.switchboard.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopicsTableTest {

    @Test
    void shouldRenderRetentionInWholeDaysOrHours() {
        assertThat(TopicsTable.retention(-1)).isEqualTo("forever");
        assertThat(TopicsTable.retention(3_600_000L)).isEqualTo("1 hour");
        assertThat(TopicsTable.retention(7 * 86_400_000L)).isEqualTo("7 days");
    }

    @Test
    void shouldHaveOneRowPerTopic() {
        assertThat(TopicsTable.markdown().lines()).hasSize(Topics.ALL.size() + 2);
    }

    @Test
    void shouldMatchTheTableInReadme() throws Exception {
        // Surefire runs in the module directory; README sits at the repository root.
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).as("README.md's topics table; regenerate it with TopicsTable.main")
                .contains(TopicsTable.markdown());
    }
}
