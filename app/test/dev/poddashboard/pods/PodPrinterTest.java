package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kubectl's pod printer, case by case. Pods are written as the API server would send them (JSON, quotes as '). */
class PodPrinterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final ObjectMapper MAPPER = Main.objectMapper();
    private final PodPrinter printer = new PodPrinter(Clock.fixed(NOW, ZoneOffset.UTC));

    static Pod pod(String json) {
        try {
            return MAPPER.readValue(json.replace('\'', '"'), Pod.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String ONE = "'spec':{'containers':[{'name':'app'}]}";
    private static final String TWO = "'spec':{'containers':[{'name':'a'},{'name':'b'}]}";
    private static final String TWO_INITS = "'spec':{'initContainers':[{'name':'i1'},{'name':'i2'}],'containers':[{'name':'app'}]}";

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("running and ready", "{" + ONE + ",'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'}],"
                        + "'containerStatuses':[{'name':'app','ready':true,'restartCount':0,'state':{'running':{}}}]}}", "Running", "1/1"),
                Arguments.of("pending with no statuses", "{" + ONE + ",'status':{'phase':'Pending'}}", "Pending", "0/1"),
                Arguments.of("container creating", "{" + ONE + ",'status':{'phase':'Pending','containerStatuses':[{'name':'app','state':{'waiting':{'reason':'ContainerCreating'}}}]}}",
                        "ContainerCreating", "0/1"),
                Arguments.of("crash loop", "{" + ONE + ",'status':{'phase':'Running','containerStatuses':[{'name':'app','restartCount':4,'state':{'waiting':{'reason':'CrashLoopBackOff'}}}]}}",
                        "CrashLoopBackOff", "0/1"),
                Arguments.of("image pull back-off", "{" + ONE + ",'status':{'phase':'Pending','containerStatuses':[{'name':'app','state':{'waiting':{'reason':'ImagePullBackOff'}}}]}}",
                        "ImagePullBackOff", "0/1"),
                Arguments.of("err image pull", "{" + ONE + ",'status':{'phase':'Pending','containerStatuses':[{'name':'app','state':{'waiting':{'reason':'ErrImagePull'}}}]}}",
                        "ErrImagePull", "0/1"),
                Arguments.of("completed", "{" + ONE + ",'status':{'phase':'Succeeded','containerStatuses':[{'name':'app','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}",
                        "Completed", "0/1"),
                Arguments.of("error", "{" + ONE + ",'status':{'phase':'Failed','containerStatuses':[{'name':'app','state':{'terminated':{'exitCode':1,'reason':'Error'}}}]}}",
                        "Error", "0/1"),
                Arguments.of("oom killed", "{" + ONE + ",'status':{'phase':'Running','containerStatuses':[{'name':'app','restartCount':1,'state':{'terminated':{'exitCode':137,'reason':'OOMKilled'}}}]}}",
                        "OOMKilled", "0/1"),
                Arguments.of("exit code without reason", "{" + ONE + ",'status':{'phase':'Failed','containerStatuses':[{'name':'app','state':{'terminated':{'exitCode':2}}}]}}",
                        "ExitCode:2", "0/1"),
                Arguments.of("signal without reason", "{" + ONE + ",'status':{'phase':'Failed','containerStatuses':[{'name':'app','state':{'terminated':{'exitCode':0,'signal':9}}}]}}",
                        "Signal:9", "0/1"),
                Arguments.of("one completed, one running, pod ready", "{" + TWO + ",'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'}],"
                        + "'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},{'name':'b','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}",
                        "Running", "1/2"),
                Arguments.of("one completed, one running, pod not ready", "{" + TWO + ",'status':{'phase':'Running','conditions':[{'type':'Ready','status':'False'}],"
                        + "'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},{'name':'b','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}",
                        "NotReady", "1/2"),
                Arguments.of("init 1 of 2", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','state':{'terminated':{'exitCode':0,'reason':'Completed'}}},{'name':'i2','state':{'running':{}}}],"
                        + "'containerStatuses':[{'name':'app','state':{'waiting':{'reason':'PodInitializing'}}}]}}", "Init:1/2", "0/1"),
                Arguments.of("init 0 of 2 waiting PodInitializing", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','state':{'waiting':{'reason':'PodInitializing'}}},{'name':'i2','state':{'waiting':{'reason':'PodInitializing'}}}]}}",
                        "Init:0/2", "0/1"),
                Arguments.of("init crash loop", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','restartCount':3,'state':{'waiting':{'reason':'CrashLoopBackOff'}}},{'name':'i2','state':{'waiting':{'reason':'PodInitializing'}}}]}}",
                        "Init:CrashLoopBackOff", "0/1"),
                Arguments.of("init error", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','state':{'terminated':{'exitCode':1,'reason':'Error'}}}]}}", "Init:Error", "0/1"),
                Arguments.of("init exit code", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','state':{'terminated':{'exitCode':3}}}]}}", "Init:ExitCode:3", "0/1"),
                Arguments.of("init signal", "{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                        + "{'name':'i1','state':{'terminated':{'exitCode':137,'signal':9}}}]}}", "Init:Signal:9", "0/1"),
                Arguments.of("terminating", "{'metadata':{'name':'p','deletionTimestamp':'2026-11-22T11:59:00Z'}," + ONE
                        + ",'status':{'phase':'Running','containerStatuses':[{'name':'app','ready':true,'state':{'running':{}}}]}}", "Terminating", "1/1"),
                Arguments.of("deleted after success stays completed", "{'metadata':{'name':'p','deletionTimestamp':'2026-11-22T11:59:00Z'}," + ONE
                        + ",'status':{'phase':'Succeeded','containerStatuses':[{'name':'app','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}", "Completed", "0/1"),
                Arguments.of("node lost", "{'metadata':{'name':'p','deletionTimestamp':'2026-11-22T11:59:00Z'}," + ONE
                        + ",'status':{'phase':'Running','reason':'NodeLost','containerStatuses':[{'name':'app','ready':true,'state':{'running':{}}}]}}", "Unknown", "1/1"),
                Arguments.of("evicted", "{" + ONE + ",'status':{'phase':'Failed','reason':'Evicted','message':'low on memory'}}", "Evicted", "0/1"),
                Arguments.of("scheduling gated", "{" + ONE + ",'status':{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False','reason':'SchedulingGated'}]}}",
                        "SchedulingGated", "0/1"),
                Arguments.of("sidecar started and ready", "{'spec':{'initContainers':[{'name':'proxy','restartPolicy':'Always'}],'containers':[{'name':'app'}]},"
                        + "'status':{'phase':'Running','conditions':[{'type':'Initialized','status':'True'},{'type':'Ready','status':'True'}],"
                        + "'initContainerStatuses':[{'name':'proxy','ready':true,'started':true,'state':{'running':{}}}],"
                        + "'containerStatuses':[{'name':'app','ready':true,'state':{'running':{}}}]}}", "Running", "2/2"),
                Arguments.of("sidecar not started blocks init", "{'spec':{'initContainers':[{'name':'proxy','restartPolicy':'Always'}],'containers':[{'name':'app'}]},"
                        + "'status':{'phase':'Pending','initContainerStatuses':[{'name':'proxy','started':false,'state':{'running':{}}}],"
                        + "'containerStatuses':[{'name':'app','state':{'waiting':{'reason':'PodInitializing'}}}]}}", "Init:0/1", "0/2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void statusAndReadyFollowKubectl(String name, String json, String status, String ready) {
        PodRow row = printer.row(pod(json));
        assertThat(row.status()).isEqualTo(status);
        assertThat(row.ready()).isEqualTo(ready);
    }

    @Test
    void restartsShowWhenTheLastOneFinished() {
        PodRow row = printer.row(pod("{" + ONE + ",'status':{'phase':'Running','containerStatuses':[{'name':'app','restartCount':3,"
                + "'state':{'running':{}},'lastState':{'terminated':{'exitCode':1,'finishedAt':'2026-11-22T11:55:00Z'}}}]}}"));
        assertThat(row.restarts()).isEqualTo("3 (5m ago)");
    }

    @Test
    void restartsWithoutALastTerminationArePlain() {
        PodRow row = printer.row(pod("{" + ONE + ",'status':{'phase':'Running','containerStatuses':[{'name':'app','restartCount':2,'state':{'running':{}}}]}}"));
        assertThat(row.restarts()).isEqualTo("2");
    }

    @Test
    void restartsAddUpAcrossContainersAndUseTheLatestTermination() {
        PodRow row = printer.row(pod("{" + TWO + ",'status':{'phase':'Running','containerStatuses':["
                + "{'name':'a','restartCount':1,'state':{'running':{}},'lastState':{'terminated':{'finishedAt':'2026-11-22T10:00:00Z'}}},"
                + "{'name':'b','restartCount':2,'state':{'running':{}},'lastState':{'terminated':{'finishedAt':'2026-11-22T11:58:00Z'}}}]}}"));
        assertThat(row.restarts()).isEqualTo("3 (2m ago)");
    }

    @Test
    void sidecarRestartsCountOnceInitialized() {
        PodRow row = printer.row(pod("{'spec':{'initContainers':[{'name':'proxy','restartPolicy':'Always'}],'containers':[{'name':'app'}]},"
                + "'status':{'phase':'Running','conditions':[{'type':'Initialized','status':'True'}],"
                + "'initContainerStatuses':[{'name':'proxy','ready':true,'started':true,'restartCount':2,'state':{'running':{}},"
                + "'lastState':{'terminated':{'finishedAt':'2026-11-22T11:00:00Z'}}}],"
                + "'containerStatuses':[{'name':'app','ready':true,'restartCount':1,'state':{'running':{}}}]}}"));
        assertThat(row.restarts()).isEqualTo("3 (60m ago)");
    }

    @Test
    void initContainerRestartsCountWhileInitializing() {
        PodRow row = printer.row(pod("{" + TWO_INITS + ",'status':{'phase':'Pending','initContainerStatuses':["
                + "{'name':'i1','restartCount':5,'state':{'waiting':{'reason':'CrashLoopBackOff'}},"
                + "'lastState':{'terminated':{'exitCode':1,'finishedAt':'2026-11-22T11:59:30Z'}}}]}}"));
        assertThat(row.restarts()).isEqualTo("5 (30s ago)");
    }

    @Test
    void ipAndNodeAreNoneUntilScheduled() {
        PodRow row = printer.row(pod("{'metadata':{'name':'p','creationTimestamp':'2026-11-22T11:59:15Z'}," + ONE + ",'status':{'phase':'Pending'}}"));
        assertThat(row.ip()).isEqualTo("<none>");
        assertThat(row.node()).isEqualTo("<none>");
        assertThat(row.age()).isEqualTo("45s");
    }

    @Test
    void ipIsTheFirstOfPodIPs() {
        PodRow row = printer.row(pod("{'spec':{'nodeName':'n1','containers':[{'name':'app'}]},'status':{'phase':'Running',"
                + "'podIP':'10.1.0.5','podIPs':[{'ip':'10.1.0.5'},{'ip':'fd00::5'}]}}"));
        assertThat(row.ip()).isEqualTo("10.1.0.5");
        assertThat(row.node()).isEqualTo("n1");
    }

    @Test
    void noCreationTimestampIsUnknownAge() {
        assertThat(printer.row(pod("{" + ONE + "}")).age()).isEqualTo("<unknown>");
    }
}
