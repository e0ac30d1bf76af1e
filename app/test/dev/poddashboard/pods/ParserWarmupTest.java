package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ParserWarmupTest {
    private final ObjectMapper mapper = Main.objectMapper();

    @Test
    void theBuiltInTableIsReadWholeEveryTime() {
        assertThat(ParserWarmup.run(mapper)).isEqualTo(ParserWarmup.READS);
    }

    /** The sample exercises what a failing pod's row needs: server cells, restart count and time, labels. */
    @Test
    void theSampleIsACrashLoopingPodAsTheServerPrintsIt() throws IOException {
        try (InputStream in = ParserWarmup.class.getResourceAsStream("sample-table.json");
             JsonParser parser = mapper.createParser(in)) {
            PodPageReader.Result page = new PodPageReader(mapper).read(parser, PodTable.Columns.NONE);
            assertThat(page.table()).isTrue();
            PodSummary pod = page.pods().get(0);
            assertThat(pod.name()).isEqualTo("sample");
            assertThat(pod.status()).isEqualTo("CrashLoopBackOff");
            assertThat(pod.restarts()).isEqualTo(15);
            assertThat(pod.lastRestart()).isNotNull();
            assertThat(pod.labels()).containsEntry("app", "sample");
        }
    }
}
