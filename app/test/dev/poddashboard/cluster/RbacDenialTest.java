package dev.poddashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RbacDenialTest {
    private static final ObjectMapper JSON = Main.objectMapper();

    private static RbacDenial fromFixture(String file) throws Exception {
        return RbacDenial.parse(JSON.readValue(Fixtures.api(file), ApiStatus.class).message()).orElseThrow();
    }

    @Test
    void namespacedDenialOfAServiceAccount() throws Exception {
        RbacDenial denial = fromFixture("status-403-list-pods-other-ns.json");
        assertThat(denial).isEqualTo(new RbacDenial("system:serviceaccount:dashboard:dashboard-sa", "list", "pods", "",
                Optional.of("other")));
        assertThat(denial.serviceAccount()).hasValue("dashboard:dashboard-sa");
        assertThat(denial.grantCommands()).containsExactly(
                "kubectl create role pods-reader --verb=get,list,watch --resource=pods -n other",
                "kubectl create rolebinding dashboard-sa-pods-reader --role=pods-reader --serviceaccount=dashboard:dashboard-sa -n other");
    }

    @Test
    void clusterScopeDenial() throws Exception {
        RbacDenial denial = fromFixture("status-403-list-pods-all-namespaces.json");
        assertThat(denial.namespace()).isEmpty();
        assertThat(denial.grantCommands()).first().asString().startsWith("kubectl create clusterrole pods-reader");
        assertThat(denial.canICommand()).isEqualTo(
                "kubectl auth can-i list pods --all-namespaces --as=system:serviceaccount:dashboard:dashboard-sa");
    }

    @Test
    void anonymousIsAUserNotAServiceAccount() throws Exception {
        RbacDenial denial = fromFixture("status-403-anonymous-list-pods.json");
        assertThat(denial.user()).isEqualTo("system:anonymous");
        assertThat(denial.serviceAccount()).isEmpty();
        assertThat(denial.grantCommands().get(1)).contains("--user=system:anonymous");
    }

    @Test
    void reviewsInAnApiGroupKeepTheGroup() throws Exception {
        RbacDenial denial = fromFixture("status-403-tokenreview-without-auth-delegator.json");
        assertThat(denial.verb()).isEqualTo("create");
        assertThat(denial.resource()).isEqualTo("tokenreviews");
        assertThat(denial.apiGroup()).isEqualTo("authentication.k8s.io");
        assertThat(denial.namespace()).isEmpty();
    }

    @Test
    void otherMessagesDoNotParse() {
        assertThat(RbacDenial.parse("Unauthorized")).isEmpty();
        assertThat(RbacDenial.parse(null)).isEmpty();
    }
}
