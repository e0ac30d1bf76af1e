package dev.poddashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class-data archive's training run reaches every live page through its stand-in API server. */
class StartupTrainingTest {

    @Test
    void everyLivePageAnswersInTraining() throws Exception {
        assertThat(StartupTraining.run()).isEmpty();
    }
}
